// Runs once when a server instance starts: validate the environment (fail fast with a clear
// message), bring the database schema up to date before the first request is served, and
// start the embedded executor so runs interrupted by a crash or restart carry on at once; then
// detect the QA sandbox for generated code (server/sandbox/).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./server/env");
  const { getMigratedDatabase } = await import("./server/db");
  await getMigratedDatabase();
  const { ensureAppExecutor } = await import("./inngest/embedded-executor");
  // Resolves to null when Inngest Cloud or a self-hosted Inngest server runs the functions.
  await ensureAppExecutor();
  // Tries the QA sandbox now, so a weak or missing one is announced once at start (/api/ready too).
  const { getQaSandbox } = await import("./server/sandbox/qa-sandbox");
  const { getLogger } = await import("./server/observability/logger");
  getQaSandbox().catch((error: unknown) => getLogger("startup").error({ err: error }, "could not detect the QA sandbox"));
}
