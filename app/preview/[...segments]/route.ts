import { getMigratedDatabase } from "~/server/db";
import { getPreviewOrigins } from "~/server/deployments/preview-config";
import { servePreview } from "~/server/deployments/serve-preview";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ segments: string[] }> };

/** GET /preview/<key>/[v<N>/]<file> — a deployed generated app, on the isolated preview origin. */
export async function GET(request: Request, { params }: RouteContext) {
  const { prisma } = await getMigratedDatabase();
  return servePreview(prisma, request, (await params).segments, getPreviewOrigins());
}
