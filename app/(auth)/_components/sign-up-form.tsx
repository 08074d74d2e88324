"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { useHydrated } from "~/lib/hooks/use-hydrated";
import { Field, TextInput } from "~/components/ui/field";
import { describeError } from "~/lib/trpc/errors";
import { useTRPC } from "~/lib/trpc/client";
import { ZSignUpInput } from "~/server/users/schemas";
import { isInvitationPath, withCallbackUrl } from "./safe-callback-url";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/** `callbackUrl` must already be checked with `safeCallbackUrl`. */
/** `setupToken`: the one-time token from the server log (the link `npm start` prints), for the first admin. */
export function SignUpForm({ callbackUrl, setupToken }: { callbackUrl: string; setupToken?: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.user.signUp.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const isHydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = { name: String(form.get("name") ?? "").trim() || undefined, email: form.get("email"), password: form.get("password"), setupToken };
    const parsed = ZSignUpInput.safeParse(raw);
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors;
      setFieldErrors({ name: flat.name?.[0], email: flat.email?.[0], password: flat.password?.[0] });
      return;
    }
    setFieldErrors({});
    setError(null);
    try {
      await signUp.mutateAsync(parsed.data);
      const result = await signIn("credentials", { redirect: false, email: parsed.data.email, password: parsed.data.password });
      if (!result || result.error) throw new Error("Account created, but signing in failed. Try signing in.");
      router.replace(callbackUrl);
      router.refresh();
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Create your account</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {isInvitationPath(callbackUrl)
            ? "Use the email address you were invited with; you will join the workspace next."
            : "Describe an app; agents build, test and ship it."}
        </p>
      </div>
      <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
        <Field label="Name" htmlFor="name" error={fieldErrors.name}>
          <TextInput id="name" name="name" autoComplete="name" aria-invalid={!!fieldErrors.name} />
        </Field>
        <Field label="Email" htmlFor="email" error={fieldErrors.email}>
          <TextInput id="email" name="email" type="email" autoComplete="email" required aria-invalid={!!fieldErrors.email} />
        </Field>
        <Field label="Password" htmlFor="password" error={fieldErrors.password} hint="At least 8 characters.">
          <TextInput id="password" name="password" type="password" autoComplete="new-password" required aria-invalid={!!fieldErrors.password} />
        </Field>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
            {error}
          </p>
        )}
        <Button type="submit" disabled={!isHydrated} className="w-full" isLoading={signUp.isPending}>
          Create account
        </Button>
      </form>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href={withCallbackUrl("/signin", callbackUrl)} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
          Sign in
        </Link>
      </p>
    </div>
  );
}
