import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureLocalKeys } from "../secrets/local-key";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { InstanceSecretMismatchError, secretFingerprint, verifyInstanceSecrets } from "./instance-secrets";
import { checkSharedDatabaseConfig, instanceSecretsFromEnv, MISSING_PUBLIC_URL_MESSAGE, prepareSharedDatabase } from "./shared-database";

const newSecret = () => randomBytes(32).toString("hex");
const sharedEnv = (overrides: Partial<Parameters<typeof prepareSharedDatabase>[1]> = {}) => ({
  DATABASE_URL: "postgres://db.internal/epic",
  NEXTAUTH_URL: "https://app.example.com",
  NEXTAUTH_SECRET: newSecret(),
  ENCRYPTION_KEY: newSecret(),
  DATA_DIR: "/nonexistent-data-dir",
  NODE_ENV: "production",
  ...overrides,
});

describe("shared database configuration", () => {
  it("asks nothing of the embedded default (no DATABASE_URL)", () => {
    expect(() => checkSharedDatabaseConfig({})).not.toThrow();
  });

  it("requires the platform's public URL with a shared database", () => {
    expect(() => checkSharedDatabaseConfig({ DATABASE_URL: "postgres://db/epic" })).toThrow(MISSING_PUBLIC_URL_MESSAGE);
    expect(() => checkSharedDatabaseConfig({ DATABASE_URL: "postgres://db/epic", NEXTAUTH_URL: "https://app.example.com" })).not.toThrow();
  });

  it("compares encryption keys as bytes, whether written in hex or base64", () => {
    const key = randomBytes(32);
    const [, hex] = instanceSecretsFromEnv(sharedEnv({ ENCRYPTION_KEY: key.toString("hex") }));
    const [, base64] = instanceSecretsFromEnv(sharedEnv({ ENCRYPTION_KEY: key.toString("base64") }));
    expect(hex?.value).toBe(base64?.value);
  });

  it("uses the data folder's generated key outside production, as the app does", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "epic-instance-keys-"));
    try {
      expect(instanceSecretsFromEnv(sharedEnv({ ENCRYPTION_KEY: undefined, DATA_DIR: dataDir, NODE_ENV: "development" })).map((s) => s.name)).toEqual(["session-secret"]);
      ensureLocalKeys(dataDir);
      expect(instanceSecretsFromEnv(sharedEnv({ ENCRYPTION_KEY: undefined, DATA_DIR: dataDir, NODE_ENV: "development" })).map((s) => s.name)).toEqual(["session-secret", "encryption-key"]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseKinds)("instance secrets on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.cleanup());
  afterEach(async () => {
    await db.prisma.instanceSecretFingerprint.deleteMany();
  });

  it("records the first instance's fingerprints, and lets an instance with the same secrets start", async () => {
    const first = sharedEnv();
    await prepareSharedDatabase(db.prisma, first);
    const rows = await db.prisma.instanceSecretFingerprint.findMany({ orderBy: { name: "asc" } });
    expect(rows.map((row) => row.name)).toEqual(["encryption-key", "session-secret"]);
    expect(rows.find((row) => row.name === "session-secret")?.fingerprint).toBe(secretFingerprint("session-secret", first.NEXTAUTH_SECRET));

    // A second instance (or the first one restarting) with the same secrets.
    await expect(prepareSharedDatabase(db.prisma, { ...first })).resolves.toBeUndefined();
    expect(await db.prisma.instanceSecretFingerprint.count()).toBe(2);
  });

  it("refuses an instance whose session secret differs, naming the variable to set", async () => {
    const first = sharedEnv();
    await prepareSharedDatabase(db.prisma, first);
    const error = await prepareSharedDatabase(db.prisma, { ...first, NEXTAUTH_SECRET: newSecret() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InstanceSecretMismatchError);
    expect((error as InstanceSecretMismatchError).mismatched).toEqual(["session-secret"]);
    expect((error as Error).message).toMatch(/Set NEXTAUTH_SECRET to the same value on every instance/);
  });

  it("refuses an instance whose encryption key differs, naming the variable to set", async () => {
    const first = sharedEnv();
    await prepareSharedDatabase(db.prisma, first);
    await expect(prepareSharedDatabase(db.prisma, { ...first, ENCRYPTION_KEY: newSecret() })).rejects.toThrow(/Set ENCRYPTION_KEY to the same value on every instance/);
    await expect(prepareSharedDatabase(db.prisma, { ...first, NEXTAUTH_SECRET: newSecret(), ENCRYPTION_KEY: newSecret() })).rejects.toThrow(
      /Set NEXTAUTH_SECRET and ENCRYPTION_KEY to the same value/,
    );
  });

  it("refuses when the public URL is missing, before touching the database", async () => {
    await expect(prepareSharedDatabase(db.prisma, sharedEnv({ NEXTAUTH_URL: undefined }))).rejects.toThrow(MISSING_PUBLIC_URL_MESSAGE);
    expect(await db.prisma.instanceSecretFingerprint.count()).toBe(0);
  });

  it("moves the recorded key forward during a rotation (the old key is among this instance's previous keys)", async () => {
    const oldKey = newSecret();
    const first = sharedEnv({ ENCRYPTION_KEY: oldKey });
    await prepareSharedDatabase(db.prisma, first);
    const rotated = { ...first, ENCRYPTION_KEY: newSecret(), ENCRYPTION_KEYS_PREVIOUS: oldKey };
    await prepareSharedDatabase(db.prisma, rotated);
    // Now an instance still on the old key alone is the odd one out.
    await expect(prepareSharedDatabase(db.prisma, first)).rejects.toThrow(InstanceSecretMismatchError);
    await expect(prepareSharedDatabase(db.prisma, rotated)).resolves.toBeUndefined();
  });

  it("never stores a secret, only short fingerprints", async () => {
    const first = sharedEnv();
    await prepareSharedDatabase(db.prisma, first);
    const stored = JSON.stringify(await db.prisma.instanceSecretFingerprint.findMany());
    expect(stored).not.toContain(first.NEXTAUTH_SECRET);
    expect(stored).not.toContain(first.ENCRYPTION_KEY);
    for (const row of await db.prisma.instanceSecretFingerprint.findMany()) expect(row.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("lets two instances that start at once agree on one fingerprint", async () => {
    const first = sharedEnv();
    const results = await Promise.allSettled([prepareSharedDatabase(db.prisma, first), prepareSharedDatabase(db.prisma, { ...first, NEXTAUTH_SECRET: newSecret() })]);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    await expect(verifyInstanceSecrets(db.prisma, [])).resolves.toBeUndefined();
  });
});
