import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "~/server/env";
import { getSessionUser } from "~/server/auth/session";
import { safeCallbackUrl } from "../_components/safe-callback-url";
import { SignUpForm } from "../_components/sign-up-form";

// Depends on the session and the environment of the running server, never on build time.
export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<{ callbackUrl?: string | string[]; setup?: string | string[] }> };

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const setupToken = typeof params.setup === "string" && params.setup.length <= 200 ? params.setup : undefined;
  if (await getSessionUser()) redirect(callbackUrl);
  if (!env.AUTH_SIGNUP_ENABLED) {
    return <p className="text-sm">Sign-up is closed on this server. Ask an administrator for an account.</p>;
  }
  return <SignUpForm callbackUrl={callbackUrl} setupToken={setupToken} />;
}
