// Readiness for load balancers and operators: the database, its migrations, the browser and the QA sandbox, as
// JSON. 200 when the instance can serve ("ready", or "degraded" without a browser), 503 when
// not. /api/health stays the cheap liveness check; this one may start the browser (at most once
// a minute), so poll it sparingly.
import { NextResponse } from "next/server";
import { guardRoute } from "~/server/http/route-guard";
import { checkProcessReadiness } from "~/server/observability/get-operations-health";
import { readinessHttpStatus } from "~/server/readiness/check-readiness";

export const dynamic = "force-dynamic";

export const GET = guardRoute(async () => {
  const report = await checkProcessReadiness();
  return NextResponse.json(report, { status: readinessHttpStatus(report), headers: { "Cache-Control": "no-store" } });
});
