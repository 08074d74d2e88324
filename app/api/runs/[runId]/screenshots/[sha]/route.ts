import { NextResponse } from "next/server";
import { resolveRequestCaller } from "~/server/auth/request-user";
import { getMigratedDatabase } from "~/server/db";
import { findRunForUser } from "~/server/runs/get-run-for-user";
import { guardRoute } from "~/server/http/route-guard";
import { ZId } from "~/server/validation/common";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ runId: string; sha: string }> };

/** GET /api/runs/:runId/screenshots/:sha — a QA screenshot, to members of the run's workspace. */
export const GET = guardRoute<RouteContext>(async (request, { params }) => {
  const { runId, sha } = await params;
  if (!ZId.safeParse(runId).success || !/^[0-9a-f]{64}$/.test(sha)) return NextResponse.json({ error: "Invalid screenshot" }, { status: 400 });
  const { prisma } = await getMigratedDatabase();
  const caller = await resolveRequestCaller(prisma, request);
  if (!caller) return NextResponse.json({ error: "Sign in first" }, { status: 401 });
  if (!(await findRunForUser(prisma, runId, caller.user.id, { workspaceId: caller.apiToken?.workspaceId }))) return NextResponse.json({ error: "Not found" }, { status: 404 });
  // Only blobs this run's QA actually produced: a member of one workspace cannot read another's by hash.
  const results = await prisma.runEvent.findMany({ where: { runId, type: "qa.result" }, select: { payload: true } });
  if (!results.some((event) => (event.payload as { screenshotSha?: string }).screenshotSha === sha)) {
    return NextResponse.json({ error: "Not found" }, { status: 404 });
  }
  const blob = await prisma.fileBlob.findUnique({ where: { sha256: sha }, select: { content: true } });
  if (!blob) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return new Response(new Uint8Array(blob.content), {
    headers: { "Content-Type": "image/png", "Cache-Control": "private, max-age=31536000, immutable" },
  });
});
