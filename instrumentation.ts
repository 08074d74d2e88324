// Runs once when a server instance starts: validate the environment (fail fast with a clear
// message) and bring the database schema up to date before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./server/env");
  const { getMigratedDatabase } = await import("./server/db");
  await getMigratedDatabase();
}
