// Deploys a version to one external target (Vercel, Cloudflare, S3) and records it as a Deployment
// row of that target moving QUEUED → BUILDING → READY (with the live URL and the provider's id) or
// FAILED (with the provider's message and what to do). A failure is recorded, never thrown: one
// target failing leaves the others and the preview alone. Within a run the row is keyed by
// (run, "deploy-<target>"), so a retried step resumes it; outside a run (rollback) each call makes
// its own row. Transient provider failures (5xx, rate limits, network) are tried again here, after
// the SDK's own retries, a few times with backoff.
import type { Db } from "../db";
import type { Deployment, Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { getConnectionCredentials, type ConnectionOptions } from "../integrations/connections";
import { appendRunEvent } from "../runs/append-run-event";
import { lockActiveRun, RunFinishedError } from "../runs/run-transitions";
import { readVersionFiles } from "../versions/read-version";
import { cancelDeployment, findStepDeployment, logLine, moveDeployment } from "./deploy-preview";
import { deployStepKey, deployTargetLabels, parseDeployTarget, targetProviders, type TExternalDeployTarget } from "../events/deploy-targets";
import { getTargetAdapter } from "./targets";
import { selectSiteFiles } from "./targets/site-files";
import { siteNameFor, toDeployFile, type TargetCredentials, type TargetDeployResult } from "./targets/target-adapter";

export type ConnectionAccess = Pick<ConnectionOptions, "keyRing" | "endpointPolicy">;

export type DeployToTargetInput = {
  projectId: string;
  versionId: string;
  target: TExternalDeployTarget;
  runId?: string | null;
  /** A rollback: the earlier READY deployment of this target whose version goes live again. */
  rollbackOf?: { deploymentId: string; providerDeploymentId: string | null } | null;
};

export type TargetDeployOptions = {
  /** Read only when a deploy needs credentials (a getter: a server without keys skips quietly). */
  access: ConnectionAccess | (() => ConnectionAccess);
  /** The whole deploy's time limit (uploads and waiting for the provider). */
  timeoutMs?: number;
  /** How long one upload request may go unanswered before it is abandoned and the deploy tried again (default 60 s). */
  uploadTimeoutMs?: number;
  /** Attempts of the whole deploy on transient failures (the SDKs retry each request on their own too). */
  attempts?: number;
  /** Backoff between attempts; tests shorten it. */
  backoffMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

async function createTargetDeployment(db: Db, input: DeployToTargetInput, versionNumber: number): Promise<Deployment> {
  const stepKey = input.runId && !input.rollbackOf ? deployStepKey(input.target) : null;
  if (input.runId && stepKey) {
    const existing = await findStepDeployment(db, input.runId, stepKey);
    if (existing) return existing;
  }
  const label = deployTargetLabels[input.target];
  const log = input.rollbackOf ? `Queued the rollback of ${label} to version ${versionNumber}` : `Queued version ${versionNumber} for ${label}`;
  return db.$transaction(async (tx) => {
    if (input.runId) await lockActiveRun(tx, input.runId);
    // The run lock serialises two copies of one step: the second finds the first's deployment.
    const made = input.runId && stepKey ? await findStepDeployment(tx, input.runId, stepKey) : null;
    if (made) return made;
    const deployment = await tx.deployment.create({
      data: {
        projectId: input.projectId,
        versionId: input.versionId,
        runId: input.runId ?? null,
        stepKey,
        platform: input.target,
        target: input.target,
        status: "QUEUED",
        logs: logLine(log),
      },
    });
    if (input.runId) await appendRunEvent(tx, input.runId, "deployment.status", { deploymentId: deployment.id, status: "QUEUED", log, url: null, target: input.target });
    return deployment;
  });
}

/** Appends log lines to a building deployment (progress the provider reported), best effort. */
async function appendLogs(db: Db, deploymentId: string, lines: string[]) {
  if (lines.length === 0) return;
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    const current = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { logs: true } });
    await tx.deployment.update({ where: { id: deploymentId }, data: { logs: current.logs + lines.map(logLine).join("") } });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Deploys (or rolls back) one version to one target and returns its Deployment row, READY or
 * FAILED. Only a run that ended meanwhile throws (RunFinishedError), after closing the row.
 */
export async function deployVersionToTarget(db: Db, input: DeployToTargetInput, options: TargetDeployOptions): Promise<Deployment> {
  const version = await db.projectVersion.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { id: true, number: true, project: { select: { id: true, name: true, workspaceId: true } } },
  });
  if (!version) throw notFound("Version");
  const deployment = await createTargetDeployment(db, input, version.number);
  if (deployment.completedAt) return deployment;
  const label = deployTargetLabels[input.target];
  // From wherever it is: a resumed deployment (its step retried after a crash) may already be building.
  const fail = async (message: string) => {
    for (const from of ["QUEUED", "BUILDING"] as const) {
      if (await moveDeployment(db, deployment.id, input.runId, from, { status: "FAILED", log: message, isFinal: true })) return;
    }
  };

  try {
    const adapter = getTargetAdapter(input.target);
    const access = typeof options.access === "function" ? options.access() : options.access;
    const provider = targetProviders[input.target];
    const credentials = (await getConnectionCredentials(db, version.project.workspaceId, provider, access)) as TargetCredentials<typeof input.target> | null;
    if (!credentials) {
      await fail(`This workspace has no ${label} connection: an owner or admin can add one in Settings → Integrations, or remove ${label} from the project's deploy targets`);
      return db.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    }
    // The site only: the repository's own files (README, CI, configs, deploy notes) would be public on the provider.
    const { site, keptBack } = selectSiteFiles(input.target, await readVersionFiles(db, version.id));
    const files = site.map((file) => toDeployFile(file.path, file.content));
    const keptBackNote = keptBack.length ? ` (${keptBack.length} repository files not published: ${keptBack.slice(0, 8).join(", ")}${keptBack.length > 8 ? ", …" : ""})` : "";
    await moveDeployment(db, deployment.id, input.runId, "QUEUED", {
      status: "BUILDING",
      log: `${input.rollbackOf ? `Rolling ${label} back to version ${version.number}` : `Deploying ${files.length} files of version ${version.number} to ${label}`}${keptBackNote}`,
    });
    if (!files.some((file) => file.path === "index.html")) {
      await fail("index.html is missing: nothing to serve");
      return db.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    }

    const attempts = options.attempts ?? 3;
    const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const action = input.rollbackOf ? `rolling back to version ${version.number}` : `deploying version ${version.number}`;
    let result: TargetDeployResult | null = null;
    for (let attempt = 1; !result; attempt++) {
      const lines: string[] = [];
      const deployInput = { siteName: siteNameFor(version.project.name, version.project.id), versionNumber: version.number, files, deploymentId: deployment.id, log: (line: string) => void lines.push(line), signal, uploadTimeoutMs: options.uploadTimeoutMs };
      try {
        // Adapters are typed per target; the registry guarantees the credentials match the adapter.
        const run = adapter as unknown as { deploy: (c: unknown, i: unknown) => Promise<TargetDeployResult>; rollback: (c: unknown, i: unknown) => Promise<TargetDeployResult> };
        result = input.rollbackOf
          ? await run.rollback(credentials, { ...deployInput, providerDeploymentId: input.rollbackOf.providerDeploymentId })
          : await run.deploy(credentials, deployInput);
        await appendLogs(db, deployment.id, lines);
      } catch (error) {
        await appendLogs(db, deployment.id, lines);
        const described = adapter.describe(error, action);
        if (attempt < attempts && adapter.isTransient(error) && !signal.aborted) {
          await appendLogs(db, deployment.id, [`Attempt ${attempt} failed (${described.message}); trying again`]);
          await sleep((options.backoffMs ?? 2_000) * attempt);
          continue;
        }
        await fail(described.message.slice(0, 2000));
        return db.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
      }
    }
    await moveDeployment(db, deployment.id, input.runId, "BUILDING", {
      status: "READY",
      log: `Ready at ${result.url}`,
      deploymentUrl: result.url,
      providerDeploymentId: result.providerDeploymentId,
      isFinal: true,
    });
  } catch (error) {
    if (error instanceof RunFinishedError) {
      await cancelDeployment(db, deployment.id, `The run ended ${error.status.toLowerCase()} before the deployment went live`);
      throw error;
    }
    // Anything else (the key ring missing, the endpoint policy refusing an override) is this target's failure alone.
    await fail((error instanceof Error ? error.message : String(error)).slice(0, 2000));
  }
  return db.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
}

/** Rolls one target back to an earlier version that went live there (READY on that target). */
export async function rollbackTarget(db: Db, input: { projectId: string; versionId: string; target: TExternalDeployTarget }, options: TargetDeployOptions): Promise<Deployment> {
  const earlier = await db.deployment.findFirst({
    where: { projectId: input.projectId, versionId: input.versionId, target: input.target, status: "READY" },
    orderBy: { completedAt: "desc" },
    select: { id: true, providerDeploymentId: true, version: { select: { number: true } } },
  });
  if (!earlier) {
    throw new AppError("BAD_REQUEST", `This version never went live on ${deployTargetLabels[input.target]}; only versions deployed there can be rolled back to`);
  }
  return deployVersionToTarget(db, { ...input, rollbackOf: { deploymentId: earlier.id, providerDeploymentId: earlier.providerDeploymentId } }, options);
}

export type TargetStatus = {
  target: ReturnType<typeof parseDeployTarget>;
  /** The deployment serving now: the latest to go READY. */
  live: { deploymentId: string; versionId: string | null; versionNumber: number | null; url: string | null; completedAt: Date | null } | null;
  /** The latest deployment of the target, whatever its status (a failure shows here). */
  latest: { deploymentId: string; status: Deployment["status"]; versionNumber: number | null; message: string | null } | null;
};

/** Per target: what is live and how the latest deployment went. */
export async function listTargetStatuses(db: Db, projectId: string, targets: readonly string[]): Promise<TargetStatus[]> {
  return Promise.all(
    targets.map(async (stored) => {
      const target = parseDeployTarget(stored);
      const where = { projectId, target };
      const [live, latest] = await Promise.all([
        db.deployment.findFirst({ where: { ...where, status: "READY" }, orderBy: [{ completedAt: "desc" }, { id: "desc" }], include: { version: { select: { number: true } } } }),
        db.deployment.findFirst({ where, orderBy: [{ initiatedAt: "desc" }, { id: "desc" }], include: { version: { select: { number: true } } } }),
      ]);
      const lastLine = latest?.logs.trim().split("\n").pop()?.replace(/^\[[^\]]+\]\s*/, "") ?? null;
      return {
        target,
        live: live ? { deploymentId: live.id, versionId: live.versionId, versionNumber: live.version?.number ?? null, url: live.deploymentUrl, completedAt: live.completedAt } : null,
        latest: latest ? { deploymentId: latest.id, status: latest.status, versionNumber: latest.version?.number ?? null, message: latest.status === "FAILED" ? lastLine : null } : null,
      };
    }),
  );
}
