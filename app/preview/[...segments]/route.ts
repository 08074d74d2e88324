import { APP_DATA_LIMITS } from "~/server/app-data/schemas";
import { handleAppDataRequest } from "~/server/app-data/handle-app-data-request";
import { getAppRecordStore, getMigratedDatabase } from "~/server/db";
import { getPreviewOrigins } from "~/server/deployments/preview-config";
import { findPreviewDataTarget, servePreview } from "~/server/deployments/serve-preview";
import { apiErrorResponse } from "~/server/http/api-error";
import { limitApiRequest } from "~/server/http/api-rate-limit";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";
// A shared app's change stream (/_data/events) is long-lived; EventSource reconnects with Last-Event-ID.
export const maxDuration = 300;

type RouteContext = { params: Promise<{ segments: string[] }> };

/**
 * A deployed generated app. On the preview domain, proxy.ts rewrites `<label>.<domain>/<path>`
 * to /preview/<key>/ and passes the original path along; on the platform's origin this route
 * only redirects old links there (or, with previews not isolated, serves them sandboxed).
 * `/_data/…` on the project's own origin is its app's shared records (server/app-data/),
 * counted like the public API per client address (the app's users have no platform account).
 */
async function handle(request: Request, { params }: RouteContext): Promise<Response> {
  const { prisma } = await getMigratedDatabase();
  const [routeKey = ""] = (await params).segments;
  const origins = getPreviewOrigins();
  const target = await findPreviewDataTarget(prisma, request, routeKey, origins);
  if (target instanceof Response) return target;
  if (target) {
    return handleAppDataRequest(request, target.projectId, target.dataPath, {
      store: getAppRecordStore(),
      limit: async (incoming, kind) => (await limitApiRequest(incoming, { kind, db: prisma, callerKey: null })).response,
    });
  }
  if (request.method !== "GET" && request.method !== "HEAD") return apiErrorResponse(405, { message: "Previews are static: only GET and HEAD" });
  return servePreview(prisma, request, routeKey, origins);
}

const options = { isPreviewRoute: true, maxBodyBytes: APP_DATA_LIMITS.maxBodyBytes };
export const GET = guardRoute<RouteContext>(handle, options);
export const PUT = guardRoute<RouteContext>(handle, options);
export const DELETE = guardRoute<RouteContext>(handle, options);
