// GET /api/metrics: the Prometheus exposition of this instance's metrics, for a scraper holding
// METRICS_TOKEN as a bearer token. Unset token → 404 (the endpoint does not exist, so a scanner
// learns nothing); a missing or wrong token → 401 with WWW-Authenticate. The database-backed gauges
// (executor queue and lag, runs by status, failing agents) are read fresh on each scrape; if the
// database is down the rest is still served and epic_state_read_ok says so.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "../db";
import { getLogger } from "./logger";
import { getMetrics } from "./metrics";
import { readOperationsState, setStateGauges } from "./operations-state";

const log = getLogger("metrics");

function isSameSecret(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever their lengths.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function handleMetricsRequest(request: Request, deps: { token: string | undefined; getDb: () => Promise<Db> }): Promise<Response> {
  if (!deps.token) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!bearer || !isSameSecret(bearer, deps.token)) {
    return new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const metrics = getMetrics();
  try {
    setStateGauges(await readOperationsState(await deps.getDb()), metrics);
    metrics.stateReadOk.set(1);
  } catch (error) {
    metrics.stateReadOk.set(0);
    log.warn({ err: error }, "reading the operations state for /api/metrics failed");
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
