// Readiness for load balancers and operators: the database, its migrations, the browser and the QA sandbox, as
// JSON. 200 when the instance can serve ("ready", or "degraded" without a browser), 503 when
// not. /api/health stays the cheap liveness check; this one may start the browser (at most once
// a minute), so poll it sparingly.
import { NextResponse } from "next/server";
import { probeBrowser } from "~/server/browser/launch-browser";
import { chromiumSandboxStatus } from "~/server/browser/try-launch";
import { getDatabase } from "~/server/db";
import { checkReadiness, readinessHttpStatus } from "~/server/readiness/check-readiness";
import { getQaSandbox } from "~/server/sandbox/qa-sandbox";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkReadiness({ database: getDatabase(), browser: probeBrowser, qaSandbox: getQaSandbox, chromiumSandbox: chromiumSandboxStatus });
  return NextResponse.json(report, { status: readinessHttpStatus(report), headers: { "Cache-Control": "no-store" } });
}
