"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { useHydrated } from "~/lib/hooks/use-hydrated";
import { Field, TextInput } from "~/components/ui/field";
import { isInvitationPath, withCallbackUrl } from "./safe-callback-url";

/** `callbackUrl` must already be checked with `safeCallbackUrl`. */
export function SignInForm({ isGitHubEnabled, callbackUrl }: { isGitHubEnabled: boolean; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const isHydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setIsSubmitting(false);
    if (!result || result.error) {
      setError(!result || result.error === "CredentialsSignin" ? "Invalid email or password" : result.error);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {isInvitationPath(callbackUrl)
            ? "You have been invited to a workspace. Sign in, or create an account with the invited email, to accept."
            : "Welcome back. Your agents are waiting."}
        </p>
      </div>
      <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
        <Field label="Email" htmlFor="email">
          <TextInput id="email" name="email" type="email" autoComplete="email" required autoFocus />
        </Field>
        <Field label="Password" htmlFor="password">
          <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
            {error}
          </p>
        )}
        <Button type="submit" disabled={!isHydrated} className="w-full" isLoading={isSubmitting}>
          Sign in
        </Button>
      </form>
      {isGitHubEnabled && (
        <Button variant="secondary" className="w-full" onClick={() => signIn("github", { callbackUrl })}>
          Continue with GitHub
        </Button>
      )}
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link href={withCallbackUrl("/signup", callbackUrl)} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
          Create an account
        </Link>
      </p>
    </div>
  );
}
