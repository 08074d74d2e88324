import { getMigratedDatabase } from "~/server/db";
import { env } from "~/server/env";
import { guardRoute } from "~/server/http/route-guard";
import { handleMetricsRequest } from "~/server/observability/metrics-handler";

export const dynamic = "force-dynamic";

/** GET /api/metrics — Prometheus metrics, bearer METRICS_TOKEN (404 while it is unset). */
export const GET = guardRoute(async (request) => handleMetricsRequest(request, { token: env.METRICS_TOKEN, getDb: async () => (await getMigratedDatabase()).prisma }));
