// The default deployment target: a preview served by this platform at a stable URL per project
// (its live version) and one URL per version. Each status change is committed on its own, with
// its run event, so watchers see queued → building → ready/failed as it happens.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { DeploymentStatus } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { appendRunEvent } from "../runs/append-run-event";
import { previewUrl, type PreviewOrigins } from "./preview-origin";

export type DeployPreviewInput = { projectId: string; versionId: string; runId?: string | null; previewOrigins: PreviewOrigins };

async function ensurePreviewKey(db: Db, projectId: string): Promise<string> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { previewKey: true } });
  if (!project) throw notFound("Project");
  if (project.previewKey) return project.previewKey;
  const previewKey = randomBytes(18).toString("base64url");
  // Conditional: if another deploy set a key first, keep theirs.
  await db.project.updateMany({ where: { id: projectId, previewKey: null }, data: { previewKey } });
  return (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { previewKey: true } })).previewKey!;
}

async function moveDeployment(
  db: Db,
  deploymentId: string,
  runId: string | null | undefined,
  change: { status: DeploymentStatus; log: string; deploymentUrl?: string; isFinal?: boolean },
) {
  return db.$transaction(async (tx) => {
    const current = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { logs: true } });
    const line = `[${new Date().toISOString()}] ${change.log}\n`;
    const deployment = await tx.deployment.update({
      where: { id: deploymentId },
      data: {
        status: change.status,
        logs: current.logs + line,
        deploymentUrl: change.deploymentUrl,
        completedAt: change.isFinal ? new Date() : undefined,
      },
    });
    if (runId) {
      await appendRunEvent(tx, runId, "deployment.status", {
        deploymentId,
        status: change.status,
        log: change.log,
        url: deployment.deploymentUrl,
      });
    }
    return deployment;
  });
}

export async function deployPreview(db: Db, input: DeployPreviewInput) {
  const version = await db.projectVersion.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { id: true, number: true, _count: { select: { files: true } }, files: { where: { path: "index.html" }, select: { path: true } } },
  });
  if (!version) throw notFound("Version");
  const previewKey = await ensurePreviewKey(db, input.projectId);

  const queued = await db.deployment.create({
    data: { projectId: input.projectId, versionId: version.id, platform: "local-preview", status: "QUEUED" },
  });
  await moveDeployment(db, queued.id, input.runId, { status: "QUEUED", log: `Queued version ${version.number} for the local preview` });
  await moveDeployment(db, queued.id, input.runId, {
    status: "BUILDING",
    log: `Publishing ${version._count.files} files (static site, no build step)`,
  });

  if (version.files.length === 0) {
    return moveDeployment(db, queued.id, input.runId, { status: "FAILED", log: "index.html is missing: nothing to serve", isFinal: true });
  }

  const liveUrl = previewUrl(input.previewOrigins, previewKey);
  const versionUrl = previewUrl(input.previewOrigins, previewKey, version.number);
  await db.project.update({
    where: { id: input.projectId },
    data: { liveVersionId: version.id, liveUrls: [liveUrl], status: "READY" },
  });
  return moveDeployment(db, queued.id, input.runId, {
    status: "READY",
    log: `Ready at ${versionUrl} (live: ${liveUrl})`,
    deploymentUrl: versionUrl,
    isFinal: true,
  });
}

/** Points the project's live URL at an earlier version that was deployed successfully. */
export async function rollbackToVersion(db: Db, input: { projectId: string; versionId: string; previewOrigins: PreviewOrigins }) {
  const version = await db.projectVersion.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { id: true, number: true, deployments: { where: { status: "READY" }, select: { id: true }, take: 1 } },
  });
  if (!version) throw notFound("Version");
  if (version.deployments.length === 0) {
    throw new AppError("BAD_REQUEST", `Version ${version.number} was never deployed successfully; only ready versions can be rolled back to`);
  }
  const previewKey = await ensurePreviewKey(db, input.projectId);
  const versionUrl = previewUrl(input.previewOrigins, previewKey, version.number);
  return db.$transaction(async (tx) => {
    await tx.project.update({ where: { id: input.projectId }, data: { liveVersionId: version.id, status: "READY" } });
    return tx.deployment.create({
      data: {
        projectId: input.projectId,
        versionId: version.id,
        platform: "local-preview",
        status: "READY",
        deploymentUrl: versionUrl,
        logs: `[${new Date().toISOString()}] Rolled back: the live URL now serves version ${version.number}\n`,
        completedAt: new Date(),
      },
    });
  });
}
