import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { isGitHubAuthEnabled } from "~/server/auth/options";
import { getSessionUser } from "~/server/auth/session";
import { SignInForm } from "../_components/sign-in-form";

// Depends on the session and the environment of the running server, never on build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/projects");
  return (
    <Suspense>
      <SignInForm isGitHubEnabled={isGitHubAuthEnabled()} />
    </Suspense>
  );
}
