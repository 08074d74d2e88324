// `npm run secrets:rotate`: re-encrypts every stored secret with the newest key.
//
//   With ENCRYPTION_KEY set: put the new key in ENCRYPTION_KEY and the old one(s) in
//   ENCRYPTION_KEYS_PREVIOUS, run this, then drop the old keys once it reports 0 left.
//   Embedded default (keys in DATA_DIR/encryption-keys): `npm run secrets:rotate -- --new-key`
//   makes a new current key first (the old ones stay in the file to decrypt), re-encrypts, and
//   with `--prune` forgets the old keys afterwards.
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "../server/env";
import { createDatabase, databaseConfigFromEnv } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { reencryptConnections } from "../server/integrations/connections";
import { keyIdOf } from "../server/secrets/cipher";
import { createKeyRing, splitKeyList, type KeyRing } from "../server/secrets/key-ring";
import { addLocalKey, ensureLocalKeys, pruneLocalKeys } from "../server/secrets/local-key";

const { values: flags } = parseArgs({ options: { "new-key": { type: "boolean", default: false }, prune: { type: "boolean", default: false } } });

function keyRingFromEnvironment(): { ring: KeyRing; dataDir: string | null } {
  const previous = splitKeyList(env.ENCRYPTION_KEYS_PREVIOUS);
  if (env.ENCRYPTION_KEY) {
    if (flags["new-key"] || flags.prune) throw new Error("--new-key and --prune manage the data dir's generated keys; with ENCRYPTION_KEY set, change the variables instead (see README)");
    return { ring: createKeyRing(env.ENCRYPTION_KEY, previous), dataDir: null };
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const keys = flags["new-key"] ? addLocalKey(dataDir) : ensureLocalKeys(dataDir);
  return { ring: createKeyRing(keys.current, [...keys.previous, ...previous]), dataDir };
}

async function main(): Promise<number> {
  const { ring, dataDir } = keyRingFromEnvironment();
  const database = createDatabase(databaseConfigFromEnv(env));
  try {
    await migrateDatabase(database.driver, { log: () => {} });
    console.log(`Re-encrypting secrets with key ${ring.current.id}${dataDir ? ` (from ${path.join(dataDir, "encryption-keys")})` : ""}…`);
    const { total, reencrypted } = await reencryptConnections(database.prisma, ring);
    const left = (await database.prisma.integrationConnection.findMany({ select: { credentials: true } })).filter((row) => keyIdOf(row.credentials) !== ring.current.id).length;
    console.log(`Integration connections: ${total}, re-encrypted now: ${reencrypted}, still under an older key: ${left}.`);
    if (dataDir && flags.prune && left === 0) {
      pruneLocalKeys(dataDir);
      console.log("Older keys removed from the key file.");
    }
    return left === 0 ? 0 : 1;
  } catch (error) {
    // The message only: errors here name key ids and rows, never secrets.
    console.error(`Rotation failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
