// A worker process for the executor's crash-recovery test (server/executor/executor-crash.test.ts).
// The test kills it with SIGKILL at a chosen moment and starts another; every step body records
// its side effect as a database row, so the test can count them afterwards.
//
// Environment:
//   EXECUTOR_CRASH_DATABASE  JSON DatabaseConfig ({ kind: "pglite", dataDir } | { kind: "postgres", connectionString })
//   EXECUTOR_CRASH_SEND      JSON array of `nap` durations: send one triggering event per entry on start
//   EXECUTOR_CRASH_HANG      "1": hang inside step "second" (until killed) instead of finishing it
//   EXECUTOR_CRASH_EXPECT    number of runs to see complete before reporting and exiting
//
// Prints one JSON line per run event, `{"type":"hanging"}` when a step hangs, and once the
// expected runs completed, `{"type":"report", runs, effects}` (read from the database) before
// exiting with 0.
import { z } from "zod";
import { createDatabase } from "../server/db/client";
import { sendExecutorEvent, startExecutor } from "../server/executor";
import { createEmbeddedTestClient, createNextServeHandler } from "../server/executor/testing";

const config = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("pglite"), dataDir: z.string() }),
    z.object({ kind: z.literal("postgres"), connectionString: z.string() }),
  ])
  .parse(JSON.parse(process.env.EXECUTOR_CRASH_DATABASE ?? "null"));
const isHanging = process.env.EXECUTOR_CRASH_HANG === "1";
const naps = z.array(z.string()).parse(JSON.parse(process.env.EXECUTOR_CRASH_SEND ?? "[]"));
const expectedRuns = Number(process.env.EXECUTOR_CRASH_EXPECT ?? "0");

// The test holds our stdin open; when it goes away (even killed), so do we: no orphan workers.
process.stdin.resume();
process.stdin.on("end", () => process.exit(1));

const database = createDatabase(config);
const db = database.prisma;
const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

await db.$executeRawUnsafe(
  `CREATE TABLE IF NOT EXISTS "ExecutorCrashTestEffect" ("id" serial PRIMARY KEY, "runId" text NOT NULL, "step" text NOT NULL)`,
);
const recordEffect = (runId: string, step: string) =>
  db.$executeRaw`INSERT INTO "ExecutorCrashTestEffect" ("runId", "step") VALUES (${runId}, ${step})`;

const { client, signingKey } = createEmbeddedTestClient("crash-test");

const durable = client.createFunction({ id: "durable", triggers: [{ event: "crash.test" }] }, async ({ event, step, runId }) => {
  await step.run("first", () => recordEffect(runId, "first"));
  await step.sleep("nap", String(event.data.nap));
  await step.run("second", async () => {
    if (isHanging) {
      print({ type: "hanging", runId });
      await new Promise(() => {});
    }
    await recordEffect(runId, "second");
  });
  await step.run("third", () => recordEffect(runId, "third"));
  return "done";
});

async function reportAndExit() {
  await executor.stop();
  const runs = await db.executorRun.findMany({ where: { functionId: "crash-test-durable" }, select: { id: true, status: true, output: true } });
  const effects = await db.$queryRaw<{ runId: string; step: string; count: number }[]>`
    SELECT "runId", step, count(*)::int AS count FROM "ExecutorCrashTestEffect" GROUP BY "runId", step ORDER BY "runId", step`;
  print({ type: "report", runs, effects });
  await database.close();
  process.exit(0);
}

let completedRuns = 0;
const executor = startExecutor({
  db,
  handler: createNextServeHandler(client, [durable]),
  signingKey,
  pollIntervalMs: 100,
  // Short, so the test does not wait long for a killed worker's lease to expire.
  leaseMs: 1500,
  onRunEvent: (event) => {
    print({ type: event.type, runId: event.runId, ...("name" in event ? { name: event.name } : {}) });
    if (event.type === "run.completed" && ++completedRuns === expectedRuns) setTimeout(() => void reportAndExit(), 50);
  },
});

for (const nap of naps) await sendExecutorEvent(db, { name: "crash.test", data: { nap } });
print({ type: "ready" });
