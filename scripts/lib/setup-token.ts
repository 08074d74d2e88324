// The first-admin rule on an exposed server: while sign-up is open and the server listens beyond
// loopback, whoever signs up first must not become the platform's admin just by being first.
// `npm start` then makes a one-time setup token (unless SETUP_TOKEN is set) and prints a sign-up
// link carrying it; only a sign-up with that token becomes the admin (server/users/sign-up-user.ts).
import { randomBytes } from "node:crypto";
import type { Db } from "../../server/db";
import { countPlatformAdmins } from "../../server/users/sign-up-user";

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The token to require (and print), or null when none is needed. */
export async function prepareSetupToken(
  db: Db,
  input: { host: string; isSignUpEnabled: boolean; configuredToken?: string },
): Promise<string | null> {
  if (isLoopbackHost(input.host) || !input.isSignUpEnabled) return input.configuredToken ?? null;
  if ((await countPlatformAdmins(db)) > 0) return null;
  return input.configuredToken ?? randomBytes(24).toString("base64url");
}
