// A workspace's connections to providers. Saving validates the credentials, verifies them with the
// provider (a cheap authenticated call), encrypts them under the key ring with the row id as
// associated data, and upserts the one connection per (workspace, provider). Only masked, public
// fields ever leave this module; getConnectionCredentials decrypts for the pipeline alone.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { IntegrationProvider, Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { decryptSecret, encryptSecret, keyIdOf } from "../secrets/cipher";
import type { KeyRing } from "../secrets/key-ring";
import { providerCredentialSchemas, type ProviderCredentials, type ProviderName } from "./credentials";
import { checkCustomEndpoint, type EndpointPolicy } from "./endpoint-policy";
import { getProviderAdapter } from "./providers";
import { publicConfigOf, type PublicConfig } from "./public-config";

/** What every function here needs besides the database: the keys, and which endpoints may be called. */
export type ConnectionOptions = { keyRing: KeyRing; endpointPolicy: EndpointPolicy; signal?: AbortSignal };

const VERIFY_TIMEOUT_MS = 15_000;

const providerLabels: Record<ProviderName, string> = { GITHUB: "GitHub", VERCEL: "Vercel", CLOUDFLARE: "Cloudflare", AWS: "AWS" };

// Prisma's enum and the contract's list must name the same providers.
const sameProviders: [IntegrationProvider, ProviderName] extends [ProviderName, IntegrationProvider] ? true : never = true;
void sameProviders;

const connectionSelect = {
  id: true,
  provider: true,
  publicConfig: true,
  accountLabel: true,
  scopes: true,
  verifiedAt: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.IntegrationConnectionSelect;

export type ConnectionView = Omit<Prisma.IntegrationConnectionGetPayload<{ select: typeof connectionSelect }>, "publicConfig"> & {
  publicConfig: PublicConfig;
};

function toView(row: Prisma.IntegrationConnectionGetPayload<{ select: typeof connectionSelect }>): ConnectionView {
  return { ...row, publicConfig: (row.publicConfig ?? {}) as PublicConfig };
}

/** Ids the API's ZId accepts (cuid-shaped), made here because the id must exist before encrypting. */
function newConnectionId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

function parseCredentials<P extends ProviderName>(provider: P, raw: unknown): ProviderCredentials[P] {
  const parsed = providerCredentialSchemas[provider].safeParse(raw);
  // Field names only: the values are secrets and must not be echoed into an error.
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "credentials"))];
    throw new AppError("BAD_REQUEST", `${providerLabels[provider]} credentials are incomplete or invalid: check ${fields.join(", ")}`);
  }
  return parsed.data as ProviderCredentials[P];
}

/** A base-URL/endpoint override must pass the endpoint policy (endpoint-policy.ts) before anything calls it. */
async function checkOverrides(provider: ProviderName, credentials: Record<string, unknown>, policy: EndpointPolicy) {
  for (const field of ["baseUrl", "endpoint"] as const) {
    const value = credentials[field];
    if (typeof value === "string") await checkCustomEndpoint(value, `${providerLabels[provider]} ${field}`, policy);
  }
}

async function verifyWithProvider<P extends ProviderName>(provider: P, credentials: ProviderCredentials[P], options: ConnectionOptions) {
  await checkOverrides(provider, credentials, options.endpointPolicy);
  const timeout = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  return getProviderAdapter(provider).verify(credentials, signal);
}

export type SaveConnectionInput = { workspaceId: string; provider: ProviderName; credentials: unknown; actorId: string };

/** Validates, verifies, encrypts and stores a connection (replacing the workspace's previous one for that provider). */
export async function saveConnection(db: Db, input: SaveConnectionInput, options: ConnectionOptions): Promise<ConnectionView> {
  const credentials = parseCredentials(input.provider, input.credentials);
  const account = await verifyWithProvider(input.provider, credentials, options);
  return storeConnection(db, input.workspaceId, input.provider, credentials, account, input.actorId, options.keyRing);
}

async function storeConnection<P extends ProviderName>(
  db: Db,
  workspaceId: string,
  provider: P,
  credentials: ProviderCredentials[P],
  account: { accountLabel: string; scopes?: string[] },
  actorId: string | null,
  keyRing: KeyRing,
): Promise<ConnectionView> {
  const fields = { publicConfig: publicConfigOf(provider, credentials), accountLabel: account.accountLabel.slice(0, 200), scopes: account.scopes ?? [], verifiedAt: new Date() };
  const plaintext = JSON.stringify(credentials);
  const write = () =>
    db.$transaction(async (tx) => {
      const existing = await tx.integrationConnection.findUnique({ where: { workspaceId_provider: { workspaceId, provider } }, select: { id: true } });
      if (existing) {
        return tx.integrationConnection.update({
          where: { id: existing.id },
          data: { ...fields, credentials: encryptSecret(keyRing, plaintext, existing.id), createdById: actorId ?? undefined },
          select: connectionSelect,
        });
      }
      const id = newConnectionId();
      return tx.integrationConnection.create({
        data: { id, workspaceId, provider, ...fields, credentials: encryptSecret(keyRing, plaintext, id), createdById: actorId },
        select: connectionSelect,
      });
    });
  try {
    return toView(await write());
  } catch (error) {
    // Two saves raced to create the row: the loser writes over the winner's, as a second save would.
    if (isUniqueViolation(error)) return toView(await write());
    throw error;
  }
}

async function readStoredCredentials<P extends ProviderName>(db: Db, workspaceId: string, provider: P, keyRing: KeyRing) {
  const row = await db.integrationConnection.findUnique({ where: { workspaceId_provider: { workspaceId, provider } }, select: { id: true, credentials: true } });
  if (!row) return null;
  return parseCredentials(provider, JSON.parse(decryptSecret(keyRing, row.credentials, row.id)));
}

export type RotateConnectionInput = { workspaceId: string; provider: ProviderName; secrets: Record<string, string>; actorId: string };

/**
 * Replaces a connection's secret fields (a new token, a new key pair) and keeps the rest, then
 * verifies and stores it like a save. The old secret stays in place if the new one fails.
 */
export async function rotateConnection(db: Db, input: RotateConnectionInput, options: ConnectionOptions): Promise<ConnectionView> {
  const current = await readStoredCredentials(db, input.workspaceId, input.provider, options.keyRing);
  if (!current) throw new AppError("NOT_FOUND", `There is no ${providerLabels[input.provider]} connection to rotate`);
  const credentials = parseCredentials(input.provider, { ...current, ...input.secrets });
  const account = await verifyWithProvider(input.provider, credentials, options);
  return storeConnection(db, input.workspaceId, input.provider, credentials, account, input.actorId, options.keyRing);
}

export async function removeConnection(db: Db, input: { workspaceId: string; provider: ProviderName }): Promise<{ removed: boolean }> {
  const { count } = await db.integrationConnection.deleteMany({ where: { workspaceId: input.workspaceId, provider: input.provider } });
  return { removed: count > 0 };
}

/** The workspace's connections as anyone in it may see them: masked, never the credentials. */
export async function listConnections(db: Db, workspaceId: string): Promise<ConnectionView[]> {
  const rows = await db.integrationConnection.findMany({ where: { workspaceId }, orderBy: { provider: "asc" }, select: connectionSelect });
  return rows.map(toView);
}

/**
 * The decrypted credentials for the pipeline (pushes, deploys), or null when the workspace has no
 * such connection. Overrides are checked again: the policy may have changed since the save.
 */
export async function getConnectionCredentials<P extends ProviderName>(
  db: Db,
  workspaceId: string,
  provider: P,
  options: Pick<ConnectionOptions, "keyRing" | "endpointPolicy">,
): Promise<ProviderCredentials[P] | null> {
  const credentials = await readStoredCredentials(db, workspaceId, provider, options.keyRing);
  if (credentials) await checkOverrides(provider, credentials, options.endpointPolicy);
  return credentials;
}

/** Re-encrypts every connection not yet under the ring's current key (`npm run secrets:rotate`). */
export async function reencryptConnections(db: Db, keyRing: KeyRing): Promise<{ total: number; reencrypted: number }> {
  const rows = await db.integrationConnection.findMany({ select: { id: true, credentials: true } });
  let reencrypted = 0;
  for (const row of rows) {
    if (keyIdOf(row.credentials) === keyRing.current.id) continue;
    const fresh = encryptSecret(keyRing, decryptSecret(keyRing, row.credentials, row.id), row.id);
    // Conditional: a save that landed meanwhile already wrote under the current key.
    const { count } = await db.integrationConnection.updateMany({ where: { id: row.id, credentials: row.credentials }, data: { credentials: fresh } });
    reencrypted += count;
  }
  return { total: rows.length, reencrypted };
}
