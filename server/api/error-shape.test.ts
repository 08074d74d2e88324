// What a client receives for a failed call, through the real HTTP adapter and tRPC client: the
// domain error's code, HTTP status and retry-after, and for anything unexpected only a request id.
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { Db } from "../db";
import { AppError } from "../errors";
import { createTRPCContext, createTRPCRouter, publicProcedure } from "./trpc";

const router = createTRPCRouter({
  limited: publicProcedure.query(() => {
    throw new AppError("TOO_MANY_REQUESTS", "Too many attempts. Try again in 42 second(s).", { retryAfterSeconds: 42 });
  }),
  conflict: publicProcedure.mutation(() => {
    throw new AppError("CONFLICT", "This run has already finished");
  }),
  broken: publicProcedure.query(() => {
    throw new Error("connection string with a password in it");
  }),
});

function clientFor() {
  return createTRPCClient<typeof router>({
    links: [
      httpLink({
        url: "http://localhost/api/trpc",
        transformer: superjson,
        fetch: (input, init) =>
          fetchRequestHandler({
            endpoint: "/api/trpc",
            req: new Request(input, init),
            router,
            // No bearer token, so the context never reads the database: these procedures need none.
            createContext: () => createTRPCContext({ db: null as unknown as Db, headers: new Headers({ "x-request-id": "req-1" }) }),
          }),
      }),
    ],
  });
}

async function failureOf(call: Promise<unknown>): Promise<TRPCClientError<typeof router>> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  return error as TRPCClientError<typeof router>;
}

describe("errorFormatter", () => {
  it("gives a rate-limited caller the domain code, the 429 and how long to wait", async () => {
    const error = await failureOf(clientFor().limited.query());
    expect(error.message).toBe("Too many attempts. Try again in 42 second(s).");
    expect(error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429, retryAfterSeconds: 42, zodError: null });
  });

  it("keeps a domain error's code and message, without a retry-after it does not have", async () => {
    const error = await failureOf(clientFor().conflict.mutate());
    expect(error.message).toBe("This run has already finished");
    expect(error.data).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
    expect(error.data?.retryAfterSeconds).toBeUndefined();
  });

  it("hides an unexpected error's message behind the request id", async () => {
    const error = await failureOf(clientFor().broken.query());
    expect(error.message).toBe("Internal error. Quote request id req-1 when you report it.");
    expect(error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, requestId: "req-1" });
    expect(JSON.stringify(error.data)).not.toContain("password");
  });
});
