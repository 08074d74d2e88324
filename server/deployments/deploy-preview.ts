// The default deployment target: a preview served by this platform at a stable URL per project
// (its live version) and one URL per version. Each status change is committed on its own, with
// its run event, so watchers see queued → building → ready/failed as it happens. Within a run,
// the deployment is keyed by (run, step): a retried step resumes it instead of making another.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { DeploymentStatus, Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError, notFound } from "../errors";
import { getLogContext } from "../observability/logger";
import { getMetrics } from "../observability/metrics";
import { trackProductEvent } from "../observability/product-analytics";
import { reachFaultPoint } from "../faults/fault-point";
import { appendRunEvent } from "../runs/append-run-event";
import { lockActiveRun, RunFinishedError } from "../runs/run-transitions";
import { parseDeployTarget } from "../events/deploy-targets";
import { previewUrl, type PreviewOrigins } from "./preview-origin";

export type DeployPreviewInput = {
  projectId: string;
  versionId: string;
  runId?: string | null;
  /** The pipeline step deploying, with runId: that step's deployment is made once and resumed, however often the step runs. */
  stepKey?: string | null;
  previewOrigins: PreviewOrigins;
};

async function ensurePreviewKey(db: Db, projectId: string): Promise<string> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { previewKey: true } });
  if (!project) throw notFound("Project");
  if (project.previewKey) return project.previewKey;
  const previewKey = randomBytes(18).toString("base64url");
  // Conditional: if another deploy set a key first, keep theirs.
  await db.project.updateMany({ where: { id: projectId, previewKey: null }, data: { previewKey } });
  return (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { previewKey: true } })).previewKey!;
}

export type Move = { status: DeploymentStatus; log: string; deploymentUrl?: string; providerDeploymentId?: string | null; isFinal?: boolean };

export const logLine = (log: string) => `[${new Date().toISOString()}] ${log}\n`;

/**
 * Moves a deployment on from `from`, with its run event, only if it is still at `from`, and says
 * whether this call made the move: two copies of one deploy step may both drive it, and each move
 * happens once. With a run, the run is locked first and must still be active (RunFinishedError
 * otherwise), so nothing is written after the run's last event. `alongside` commits with the move.
 */
export async function moveDeployment(
  db: Db,
  deploymentId: string,
  runId: string | null | undefined,
  from: DeploymentStatus,
  change: Move,
  alongside?: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (runId) await lockActiveRun(tx, runId);
    const current = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { status: true, logs: true, deploymentUrl: true, target: true, projectId: true } });
    if (current.status !== from) return false;
    const { count } = await tx.deployment.updateMany({
      where: { id: deploymentId, status: from },
      data: {
        status: change.status,
        logs: current.logs + logLine(change.log),
        deploymentUrl: change.deploymentUrl,
        providerDeploymentId: change.providerDeploymentId,
        completedAt: change.isFinal ? new Date() : undefined,
      },
    });
    if (count === 0) return false;
    await alongside?.(tx);
    if (runId) {
      await appendRunEvent(tx, runId, "deployment.status", {
        deploymentId,
        status: change.status,
        log: change.log,
        url: change.deploymentUrl ?? current.deploymentUrl,
        target: parseDeployTarget(current.target),
      });
    }
    return { target: current.target, projectId: current.projectId };
  }).then((moved) => {
    // Counted after the commit (a rolled-back move is not a deploy).
    if (moved && change.isFinal) {
      const outcome = change.status.toLowerCase();
      getMetrics().deploys.inc({ target: moved.target, outcome });
      trackProductEvent({ event: "deploy", distinctId: getLogContext().userId ?? "system", properties: { projectId: moved.projectId, deploymentId, target: moved.target, outcome } });
    }
    return moved !== false;
  });
}

/** The deployment a pipeline step already made, if it made one. */
export function findStepDeployment(db: Db | Prisma.TransactionClient, runId: string, stepKey: string) {
  return db.deployment.findUnique({ where: { runId_stepKey: { runId, stepKey } } });
}

/** The deployment this run's step already made, or a new one, QUEUED, committed with its first event. */
async function findOrCreateDeployment(db: Db, input: DeployPreviewInput, versionNumber: number) {
  const stepKey = input.runId && input.stepKey ? { runId: input.runId, stepKey: input.stepKey } : null;
  const findExisting = (client: Db | Prisma.TransactionClient) => (stepKey ? findStepDeployment(client, stepKey.runId, stepKey.stepKey) : null);
  const existing = await findExisting(db);
  if (existing) return existing;
  const log = `Queued version ${versionNumber} for the local preview`;
  try {
    return await db.$transaction(async (tx) => {
      if (input.runId) await lockActiveRun(tx, input.runId);
      // The run lock serialises two copies of one step: the second finds the first's deployment.
      const made = await findExisting(tx);
      if (made) return made;
      const deployment = await tx.deployment.create({
        data: {
          projectId: input.projectId,
          versionId: input.versionId,
          runId: input.runId ?? null,
          stepKey: stepKey?.stepKey ?? null,
          platform: "local-preview",
          status: "QUEUED",
          logs: logLine(log),
        },
      });
      if (input.runId) await appendRunEvent(tx, input.runId, "deployment.status", { deploymentId: deployment.id, status: "QUEUED", log, url: null });
      return deployment;
    });
  } catch (error) {
    // Unreachable while every writer takes the run lock above; should one ever not, the loser
    // of the race resumes the first deployment instead of failing.
    const made = isUniqueViolation(error) ? await findExisting(db) : null;
    if (made) return made;
    throw error;
  }
}

/** A deployment its run abandoned (the run ended first) is closed as CANCELLED, never left building. */
export async function cancelDeployment(db: Db, deploymentId: string, log: string) {
  await db.$transaction(async (tx) => {
    const current = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { logs: true } });
    await tx.deployment.updateMany({
      where: { id: deploymentId, status: { in: ["QUEUED", "BUILDING"] } },
      data: { status: "CANCELLED", logs: current.logs + logLine(log), completedAt: new Date() },
    });
  });
}

/**
 * Publishes a version on the local preview: QUEUED → BUILDING → READY (the project's live URL
 * moves to it) or FAILED. Called again for the same run and step, it resumes the deployment that
 * call made, from where it stopped, and returns it; a finished one is returned as it is.
 */
export async function deployPreview(db: Db, input: DeployPreviewInput) {
  const version = await db.projectVersion.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { id: true, number: true, _count: { select: { files: true } }, files: { where: { path: "index.html" }, select: { path: true } } },
  });
  if (!version) throw notFound("Version");
  const previewKey = await ensurePreviewKey(db, input.projectId);
  const deployment = await findOrCreateDeployment(db, input, version.number);

  try {
    await moveDeployment(db, deployment.id, input.runId, "QUEUED", {
      status: "BUILDING",
      log: `Publishing ${version._count.files} files (static site, no build step)`,
    });
    if (input.runId) await reachFaultPoint("deploy", input.runId);
    if (version.files.length === 0) {
      await moveDeployment(db, deployment.id, input.runId, "BUILDING", { status: "FAILED", log: "index.html is missing: nothing to serve", isFinal: true });
    } else {
      const liveUrl = previewUrl(input.previewOrigins, previewKey);
      const versionUrl = previewUrl(input.previewOrigins, previewKey, version.number);
      await moveDeployment(
        db,
        deployment.id,
        input.runId,
        "BUILDING",
        { status: "READY", log: `Ready at ${versionUrl} (live: ${liveUrl})`, deploymentUrl: versionUrl, isFinal: true },
        (tx) => tx.project.update({ where: { id: input.projectId }, data: { liveVersionId: version.id, liveUrls: [liveUrl], status: "READY" } }),
      );
    }
  } catch (error) {
    if (error instanceof RunFinishedError) await cancelDeployment(db, deployment.id, `The run ended ${error.status.toLowerCase()} before the deployment went live`);
    throw error;
  }
  return db.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
}

/** Points the project's live URL at an earlier version that was deployed successfully. */
export async function rollbackToVersion(db: Db, input: { projectId: string; versionId: string; previewOrigins: PreviewOrigins }) {
  const version = await db.projectVersion.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { id: true, number: true, deployments: { where: { status: "READY", target: "preview" }, select: { id: true }, take: 1 } },
  });
  if (!version) throw notFound("Version");
  if (version.deployments.length === 0) {
    throw new AppError("BAD_REQUEST", `Version ${version.number} was never deployed successfully; only ready versions can be rolled back to`);
  }
  const previewKey = await ensurePreviewKey(db, input.projectId);
  const versionUrl = previewUrl(input.previewOrigins, previewKey, version.number);
  const rolledBack = await db.$transaction(async (tx) => {
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
  getMetrics().deploys.inc({ target: "preview", outcome: "rolled_back" });
  trackProductEvent({ event: "rollback", distinctId: getLogContext().userId ?? "system", properties: { projectId: input.projectId, deploymentId: rolledBack.id, target: "preview" } });
  return rolledBack;
}
