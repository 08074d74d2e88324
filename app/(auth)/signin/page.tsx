import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isGitHubAuthEnabled } from "~/server/auth/options";
import { getSessionUser } from "~/server/auth/session";
import { safeCallbackUrl } from "../_components/safe-callback-url";
import { SignInForm } from "../_components/sign-in-form";

// Depends on the session and the environment of the running server, never on build time.
export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps) {
  // Also where invitation links point: someone already signed in goes straight on.
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return <SignInForm isGitHubEnabled={isGitHubAuthEnabled()} callbackUrl={callbackUrl} />;
}
