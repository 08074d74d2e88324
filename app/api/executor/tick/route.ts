import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { env } from "~/server/env";
import { tickAppExecutor } from "~/inngest/embedded-executor";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

function isAuthorized(request: Request): boolean {
  const expected = env.CRON_SECRET ? Buffer.from(`Bearer ${env.CRON_SECRET}`) : null;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  return expected !== null && given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /api/executor/tick — one bounded pass of the embedded executor, for serverless hosts
 * (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`). Off unless CRON_SECRET is set.
 */
export const GET = guardRoute(async (request) => {
  if (!env.CRON_SECRET) return NextResponse.json({ error: "Not found" }, { status: 404 });
  if (!isAuthorized(request)) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  const result = await tickAppExecutor(45_000);
  return NextResponse.json(result ?? { skipped: "An Inngest server runs the functions" });
});
