import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "~/server/api/root";

/** The message a user should read for a failed call: the first field error, else the server's message. */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const typed = error as TRPCClientError<AppRouter>;
    const fieldErrors = typed.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
    const first = fieldErrors && Object.values(fieldErrors).flat().find(Boolean);
    return first ?? typed.data?.zodError?.formErrors?.[0] ?? typed.message;
  }
  return error instanceof Error ? error.message : "Something went wrong";
}
