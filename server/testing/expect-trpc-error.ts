import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** Awaits a procedure call that must fail with this tRPC code (and, when given, a matching message). */
export async function expectTRPCError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
}
