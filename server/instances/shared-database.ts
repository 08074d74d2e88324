// Start-up rules for a shared database (DATABASE_URL set: PostgreSQL, possibly several instances
// behind one load balancer). Anything public must come from configuration, never from the
// instance that happened to run a step: the platform's URL (NEXTAUTH_URL) is required, previews
// use PREVIEW_ORIGIN or derive from that URL (server/deployments/preview-origin.ts), and the
// secrets must be the same on every instance (instance-secrets.ts). The embedded default (PGlite,
// one instance) is left as it is.
import { resolveSessionSecret } from "../auth/session-secret";
import type { Db } from "../db/client";
import { parseEncryptionKey, splitKeyList } from "../secrets/key-ring";
import { readLocalKeys } from "../secrets/local-key";
import { InstanceSecretMismatchError, verifyInstanceSecrets, type InstanceSecret } from "./instance-secrets";

type SharedDatabaseEnv = {
  DATABASE_URL?: string;
  NEXTAUTH_URL?: string;
  NEXTAUTH_SECRET?: string;
  ENCRYPTION_KEY?: string;
  ENCRYPTION_KEYS_PREVIOUS?: string;
  DATA_DIR: string;
  NODE_ENV: string;
};

export class SharedDatabaseConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SharedDatabaseConfigError";
  }
}

export const MISSING_PUBLIC_URL_MESSAGE =
  "NEXTAUTH_URL is required when DATABASE_URL is set: with a shared database the platform's public URL " +
  "(and the previews' addresses derived from it unless PREVIEW_ORIGIN is set) must come from configuration, " +
  "the same on every instance, e.g. NEXTAUTH_URL=https://app.example.com.";

/** What is missing from the configuration for a shared database; nothing with the embedded default. */
export function checkSharedDatabaseConfig(env: Pick<SharedDatabaseEnv, "DATABASE_URL" | "NEXTAUTH_URL">): void {
  if (!env.DATABASE_URL) return;
  if (!env.NEXTAUTH_URL) throw new SharedDatabaseConfigError(MISSING_PUBLIC_URL_MESSAGE);
}

/** This instance's secrets as it will use them: from the environment, else from its data folder. */
export function instanceSecretsFromEnv(env: SharedDatabaseEnv): InstanceSecret[] {
  const secrets: InstanceSecret[] = [{ name: "session-secret", value: resolveSessionSecret(env) }];
  // Keys compared as bytes: one instance may write a key in hex and another the same key in base64.
  const keyBytes = (text: string) => parseEncryptionKey(text).key.toString("hex");
  const previous = splitKeyList(env.ENCRYPTION_KEYS_PREVIOUS).map(keyBytes);
  if (env.ENCRYPTION_KEY) {
    secrets.push({ name: "encryption-key", value: keyBytes(env.ENCRYPTION_KEY), previousValues: previous });
  } else if (env.NODE_ENV !== "production") {
    // Same source as server/secrets/app-key-ring.ts; an instance that has never stored a secret has no key yet.
    const local = readLocalKeys(env.DATA_DIR);
    if (local) secrets.push({ name: "encryption-key", value: keyBytes(local.current), previousValues: [...local.previous.map(keyBytes), ...previous] });
  }
  return secrets;
}

/** Refuses to start (throws with the operator's fix) when a shared database is misconfigured. */
export async function prepareSharedDatabase(db: Db, env: SharedDatabaseEnv): Promise<void> {
  if (!env.DATABASE_URL) return;
  checkSharedDatabaseConfig(env);
  await verifyInstanceSecrets(db, instanceSecretsFromEnv(env));
}

/** Whether start-up failed because of the operator's configuration (print the message and stop). */
export function isStartupRefusal(error: unknown): error is SharedDatabaseConfigError | InstanceSecretMismatchError {
  return error instanceof SharedDatabaseConfigError || error instanceof InstanceSecretMismatchError;
}
