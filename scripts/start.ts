// The quick-start command: prepares everything on embedded defaults (Prisma client, session
// secret, a headless browser for QA, database migrations, production build) and serves the app,
// printing its URL. Without a browser it still serves, with a warning: runs then deploy with
// their browser checks marked not verified ("Ready with gaps").
//   npm start                 production server (builds when sources changed)
//   npm start -- --dev        Next dev server with hot reload
//   npm start -- --port 4000 --data-dir /tmp/epic
//   HOST=0.0.0.0 npm start    listen beyond loopback (the default is 127.0.0.1)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureLocalAuthSecret } from "./lib/auth-secret";
import { ensureLocalKeys } from "../server/secrets/local-key";
import { ensureProductionBuild } from "./lib/build-stamp";
import { generatePrismaClient, nextBin } from "./lib/run";
// Only modules that read no configuration are imported statically: anything under server/ that
// reaches server/env (the logger does) is imported below, once PORT, DATA_DIR and the secrets
// are set — else the environment would be read too early and --port ignored.

const startedAt = performance.now();
const root = process.cwd();
const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, port: { type: "string" }, "data-dir": { type: "string" } },
});
const log = (line: string) => console.log(`[epic] ${line}`);

async function main() {
  if (flags.port) process.env.PORT = flags.port;
  if (flags["data-dir"]) process.env.DATA_DIR = flags["data-dir"];
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.DATA_DIR ||= ".data";
  process.env.PORT ||= "3000";
  process.env.NEXTAUTH_SECRET ||= ensureLocalAuthSecret(path.resolve(process.env.DATA_DIR));
  // With a shared database (DATABASE_URL) the public URL is the operator's to give, the same on
  // every instance: checked below (server/instances/shared-database.ts), never guessed from this one.
  if (!process.env.DATABASE_URL) process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT}`;
  if (!process.env.ENCRYPTION_KEY) {
    // Secrets at rest on the embedded default: keys generated into the data dir (server/secrets/local-key.ts).
    const keys = ensureLocalKeys(path.resolve(process.env.DATA_DIR));
    process.env.ENCRYPTION_KEY = keys.current;
    if (keys.previous.length > 0) process.env.ENCRYPTION_KEYS_PREVIOUS = [process.env.ENCRYPTION_KEYS_PREVIOUS, ...keys.previous].filter(Boolean).join(",");
  }

  if (!existsSync(path.join(root, "server/db/generated/client.ts"))) {
    log("Generating the Prisma client…");
    await generatePrismaClient();
  }

  // Validates every variable now, with a message naming any bad one, before anything else starts.
  const { env } = await import("../server/env");
  const { createDatabase, databaseConfigFromEnv } = await import("../server/db/client");
  const { migrateDatabase } = await import("../server/db/migrate");
  const { checkSharedDatabaseConfig, prepareSharedDatabase } = await import("../server/instances/shared-database");
  const { setUpBrowser } = await import("./lib/browser-setup");
  const { prepareSetupToken } = await import("./lib/setup-token");
  checkSharedDatabaseConfig(env);

  // Found (or installed) first: an install announces itself and may take minutes.
  const browser = await setUpBrowser(env, log);
  if (browser.isReady) log(`Browser: ${browser.executablePath} (${browser.source}) — browser checks on`);
  else for (const line of browser.warning) log(line);

  const config = databaseConfigFromEnv(env);
  const database = createDatabase(config);
  let setupToken: string | null = null;
  try {
    const { applied } = await migrateDatabase(database.driver);
    const where = config.kind === "pglite" ? `PGlite at ${path.relative(root, config.dataDir)}` : "PostgreSQL";
    log(`Database: ${where} — ${applied.length ? `applied ${applied.length} migration(s)` : "up to date"}`);
    // Refuses, with the fix, an instance whose secrets differ from the other instances' (shared database only).
    await prepareSharedDatabase(database.prisma, env);
    setupToken = await prepareSetupToken(database.prisma, { host: env.HOST, isSignUpEnabled: env.AUTH_SIGNUP_ENABLED, configuredToken: env.SETUP_TOKEN });
    if (setupToken) process.env.SETUP_TOKEN = setupToken;
  } finally {
    await database.close();
  }

  if (!flags.dev) await ensureProductionBuild(root, log);

  // Production: scripts/serve.ts (Next's handler, plus the client address for rate limits).
  const serverArgs = flags.dev
    ? [nextBin, "dev", "-p", String(env.PORT), "-H", env.HOST]
    : ["--import", "tsx", path.join(root, "scripts/serve.ts")];
  const server = spawn(process.execPath, serverArgs, {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: flags.dev ? "development" : "production" },
  });
  server.stdout.pipe(process.stdout);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  const url = `http://localhost:${env.PORT}`;
  // Asked where the server listens (a wildcard bind answers on loopback too).
  const listenHost = ["0.0.0.0", "::"].includes(env.HOST) ? "127.0.0.1" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  await waitForHealthy(`http://${listenHost}:${env.PORT}/api/health`);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  log(`Ready in ${seconds}s → ${url}`);
  log(env.AUTH_SIGNUP_ENABLED ? `Open ${url}/signup to create the first account.` : "Sign-up is closed (AUTH_SIGNUP_ENABLED=false).");
  if (!browser.isReady) log(`Reminder: no browser, so runs end "Ready with gaps" — ${env.BROWSER_WS_ENDPOINT ? browser.fixCommand : `run ${browser.fixCommand}`} (details above; ${url}/api/ready reports it too).`);
  if (setupToken) {
    log(`Listening on ${env.HOST}, beyond loopback, with open sign-up: the first admin must sign up with this`);
    log(`one-time setup token (anyone else who signs up first is a plain user): ${setupToken}`);
    log(`  → ${env.NEXTAUTH_URL ?? url}/signup?setup=${setupToken}`);
  }
}

async function waitForHealthy(url: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy at ${url}`);
}

main().catch((error: unknown) => {
  console.error(`[epic] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
