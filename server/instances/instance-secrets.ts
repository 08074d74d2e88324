// Instances that share one database must share their secrets: a session cookie signed by one
// instance is read by whichever instance the load balancer picks next, and a credential encrypted
// by one is decrypted by another. Each instance invents its own secrets in its data folder unless
// told otherwise, so the first instance to start records a fingerprint of each secret in the
// shared database, and every later one compares its own and refuses to start when they differ.
// Fingerprints are a truncated, labelled SHA-256: they say whether two secrets are equal, never
// what the secret is (the secrets are 256-bit random values, so nothing can be guessed back).
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { getLogger } from "../observability/logger";

export type InstanceSecretName = "session-secret" | "encryption-key";

export type InstanceSecret = {
  name: InstanceSecretName;
  value: string;
  /** Older values this instance still accepts (a key rotation in progress): a stored fingerprint of one of them moves forward to `value`. */
  previousValues?: readonly string[];
};

const VARIABLE_OF: Record<InstanceSecretName, string> = {
  "session-secret": "NEXTAUTH_SECRET",
  "encryption-key": "ENCRYPTION_KEY",
};

export class InstanceSecretMismatchError extends Error {
  constructor(readonly mismatched: InstanceSecretName[]) {
    const variables = mismatched.map((name) => VARIABLE_OF[name]).join(" and ");
    super(
      `This instance's ${variables} differs from the one the other instances sharing this database use ` +
        `(its fingerprint does not match the one recorded in the database). Set ${variables} to the same value ` +
        `on every instance (each instance otherwise generates its own into its DATA_DIR), then restart. ` +
        `If you changed it on purpose everywhere, see "Instances sharing a database" in docs/SECURITY.md.`,
    );
    this.name = "InstanceSecretMismatchError";
  }
}

export function secretFingerprint(name: InstanceSecretName, value: string): string {
  return createHash("sha256").update(`epic-instance-secret:${name}:`).update(value).digest("hex").slice(0, 16);
}

/**
 * Records each secret's fingerprint when none is stored yet (the first instance), moves it forward
 * when it is the fingerprint of one of this instance's previous values (a rotation), and throws
 * InstanceSecretMismatchError naming every secret whose stored fingerprint is not this instance's.
 */
export async function verifyInstanceSecrets(db: Db, secrets: readonly InstanceSecret[]): Promise<void> {
  const log = getLogger("instance-secrets");
  const mismatched: InstanceSecretName[] = [];
  for (const secret of secrets) {
    const fingerprint = secretFingerprint(secret.name, secret.value);
    // ON CONFLICT DO NOTHING: two instances starting at once both read the one that won.
    await db.$executeRaw`INSERT INTO "InstanceSecretFingerprint" ("name", "fingerprint", "updatedAt") VALUES (${secret.name}, ${fingerprint}, now()) ON CONFLICT ("name") DO NOTHING`;
    const stored = await db.instanceSecretFingerprint.findUniqueOrThrow({ where: { name: secret.name } });
    if (stored.fingerprint === fingerprint) continue;
    const isRotation = (secret.previousValues ?? []).some((previous) => secretFingerprint(secret.name, previous) === stored.fingerprint);
    if (isRotation) {
      // Compare-and-set: only the fingerprint this instance knows as older is replaced.
      const { count } = await db.instanceSecretFingerprint.updateMany({ where: { name: secret.name, fingerprint: stored.fingerprint }, data: { fingerprint } });
      if (count === 1) {
        log.info({ secret: secret.name }, "instance secret rotated: recorded the new fingerprint");
        continue;
      }
    }
    mismatched.push(secret.name);
  }
  if (mismatched.length > 0) throw new InstanceSecretMismatchError(mismatched);
}
