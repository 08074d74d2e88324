import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "~/server/env";
import { getSessionUser } from "~/server/auth/session";
import { SignUpForm } from "../_components/sign-up-form";

// Depends on the session and the environment of the running server, never on build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/projects");
  if (!env.AUTH_SIGNUP_ENABLED) {
    return <p className="text-sm">Sign-up is closed on this server. Ask an administrator for an account.</p>;
  }
  return <SignUpForm />;
}
