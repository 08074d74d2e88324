import { getMigratedDatabase } from "~/server/db";
import { getPreviewOrigins } from "~/server/deployments/preview-config";
import { servePreview } from "~/server/deployments/serve-preview";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ segments: string[] }> };

/**
 * A deployed generated app. On the preview domain, proxy.ts rewrites `<label>.<domain>/<path>`
 * to /preview/<key>/ and passes the original path along; on the platform's origin this route
 * only redirects old links there (or, with previews not isolated, serves them sandboxed).
 */
export const GET = guardRoute<RouteContext>(
  async (request, { params }) => {
    const { prisma } = await getMigratedDatabase();
    const [routeKey = ""] = (await params).segments;
    return servePreview(prisma, request, routeKey, getPreviewOrigins());
  },
  { isPreviewRoute: true },
);
