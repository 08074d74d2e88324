import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { env } from "~/server/env";
import { tickAppExecutor } from "~/inngest/embedded-executor";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";
// vercel.json says the same (a test holds them together). A tick starts no new step after its
// budget, so the rest is for the step under way then: QA (the app's tests, then every browser
// check) or a model call. A step cut off by the limit is retried by a later tick, from its start.
export const maxDuration = 300;
const TICK_BUDGET_MS = (maxDuration - 120) * 1000;

function isAuthorized(request: Request): boolean {
  const expected = env.CRON_SECRET ? Buffer.from(`Bearer ${env.CRON_SECRET}`) : null;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  return expected !== null && given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /api/executor/tick — one bounded pass of the embedded executor, for serverless hosts
 * (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`; see vercel.json). Off unless CRON_SECRET is
 * set. With EXECUTOR_MODE=tick it is the only thing that drives runs.
 */
export const GET = guardRoute(async (request) => {
  if (!env.CRON_SECRET) return NextResponse.json({ error: "Not found" }, { status: 404 });
  if (!isAuthorized(request)) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const result = await tickAppExecutor(TICK_BUDGET_MS);
  return NextResponse.json(result ?? { skipped: "An Inngest server runs the functions" });
});
