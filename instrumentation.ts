// Runs once when a server instance starts: validate the environment (fail fast with a clear
// message), bring the database schema up to date before the first request is served, and
// start the embedded executor so runs interrupted by a crash or restart carry on at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./server/env");
  const { getMigratedDatabase } = await import("./server/db");
  await getMigratedDatabase();
  const { ensureAppExecutor } = await import("./inngest/embedded-executor");
  // Resolves to null when Inngest Cloud or a self-hosted Inngest server runs the functions.
  await ensureAppExecutor();
}
