// The pipeline's steps as plain functions: each reads what it needs from the database, does one
// agent's job, records it (AgentTask + run events) and returns a small JSON result. The Inngest
// function (inngest/functions/run-pipeline.ts) only sequences them, so every step is durable.
import type { PreviewOrigins } from "../deployments/preview-origin";
import type { Db } from "../db";
import type { DeploymentStatus, Prisma } from "../db/generated/client";
import { brainForWorkspace, type FileSet } from "../agents/agent-brain";
import type { FileAgentName } from "../plan/agent-names";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { runQaAgent } from "../agents/qa-agent";
import type { BrowserSlot } from "../agents/qa/browser-slots";
import { withStepScratch } from "../scratch/scratch-space";
import { reachFaultPoint } from "../faults/fault-point";
import { closeInterruptedAgentTasks, runAgentTask } from "./run-agent-task";
import { clearQaCheckMemo, createQaCheckMemo, qaStepKey } from "./qa-check-memo";
import { deployPreview, findStepDeployment } from "../deployments/deploy-preview";
import { env } from "../env";
import { createRunBudget, type QaFailure } from "../llm";
import { collectRunGaps, computeRequirementResults } from "../agents/qa/requirement-results";
import type { FinishedRunStatus } from "../events/run-statuses";
import type { StepReuse } from "../events/run-events";
import { appendRunEvent } from "../runs/append-run-event";
import { markRunStage, savePlan, type QaVerdict } from "../runs/run-lifecycle";
import { finishedStatusOf, lockActiveRun, RunFinishedError } from "../runs/run-transitions";
import { createVersion, findStepVersion, sha256, type CreateVersionHooks } from "../versions/create-version";
import { readVersionFiles } from "../versions/read-version";
import { getConnectionOptions } from "../integrations/app-options";
import { BranchMovedError, pushVersionToGitHub } from "../integrations/github/push-version";
import { deployVersionToTarget } from "../deployments/deploy-to-target";
import { deployTargetLabels, externalDeployTargets, parseDeployTargets, type TExternalDeployTarget } from "../events/deploy-targets";
import { withStorage } from "./plan-storage";
import { loadRunContext, type RunContext } from "./run-context";
import { writeFinishedWork } from "../db/retry-while-unreachable";
import { getLogger } from "../observability/logger";

export const MAX_REPAIR_ATTEMPTS = 2;

const log = getLogger("pipeline");

function brainAndBudget(context: RunContext) {
  const brain = brainForWorkspace(context.workspace, env);
  const budget = createRunBudget({ maxTokens: context.workspace.runBudgetTokens ?? undefined, maxUsd: context.workspace.runBudgetUsd ?? undefined, spent: context.spent });
  return { brain, budget };
}

/**
 * A write that follows an agent's finished work in the same step (the plan, QA's result, the
 * repaired version): it waits out a short database outage, since failing the step here would make
 * its retry do the agent's work again.
 */
function writeAfterAgentWork<T>(write: () => Promise<T>): Promise<T> {
  return writeFinishedWork(log, "database unreachable; the step waits to store what its agent made", {}, write);
}

export async function describeBrain(db: Db, runId: string) {
  return brainAndBudget(await loadRunContext(db, runId)).brain.label;
}

export async function planStep(db: Db, runId: string): Promise<{ plan: TPlan; isApprovalRequired: boolean }> {
  const context = await loadRunContext(db, runId);
  const { brain, budget } = brainAndBudget(context);
  const compiled = await runAgentTask(
    db,
    { runId, projectId: context.projectId, agentName: "PromptCompiler", taskType: "plan", model: brain.model, input: { prompt: context.prompt, isFollowUp: Boolean(context.previousPlan), promptIndex: context.promptIndex } },
    () => brain.compilePlan({ prompt: context.prompt, previousPlan: context.previousPlan, promptIndex: context.promptIndex, budget }),
    (value) => ({ appName: value.appName, kind: value.kind, pages: value.pages.length, entities: value.entities.map((entity) => entity.name), checks: value.acceptanceChecks.length }),
  );
  const plan = withStorage(compiled, context.previousPlan, context.projectId);
  await writeAfterAgentWork(() => savePlan(db, runId, plan, context.isApprovalRequired));
  return { plan, isApprovalRequired: context.isApprovalRequired };
}

export async function writeFilesStep(db: Db, runId: string, agent: FileAgentName): Promise<FileSet> {
  const context = await loadRunContext(db, runId);
  if (!context.plan) throw new Error("The run has no plan");
  const plan = context.plan;
  const { brain, budget } = brainAndBudget(context);
  const previousFiles = !brain.isOffline && context.previousVersionId ? await readFilesAsText(db, context.previousVersionId) : undefined;
  return runAgentTask(
    db,
    { runId, projectId: context.projectId, agentName: agent, taskType: "write-files", model: brain.model, input: { planApp: plan.appName } },
    () => brain.writeFiles({ agent, plan, prompt: context.prompt, previousFiles, budget, deploy: context.deploy }),
    (value) => ({ summary: value.summary, files: value.files.map((file) => file.path) }),
  );
}

async function readFilesAsText(db: Db, versionId: string): Promise<TGeneratedFile[]> {
  return (await readVersionFiles(db, versionId)).map((file) => ({ path: file.path, content: file.content.toString("utf8") }));
}

/**
 * What a version-making or deploying step of a run that already ended (cancelled, or failed
 * elsewhere) returns: it wrote nothing. The function stops there (run-pipeline.ts).
 */
export type RunEnded = { runEnded: FinishedRunStatus };

async function runEnded(db: Db, runId: string): Promise<RunEnded | null> {
  const status = await finishedStatusOf(db, runId);
  return status ? { runEnded: status } : null;
}

/** A write refused because the run ended meanwhile is the step's clean answer, not its failure. */
async function unlessRunEnded<T>(work: () => Promise<T>): Promise<T | RunEnded> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RunFinishedError) return { runEnded: error.status };
    throw error;
  }
}

/** For a step's re-run after a crash (run-tracked-step.ts): the version the killed try stored, if any. */
export function reusedVersionOf(runId: string, stepKey: string) {
  return async (db: Db): Promise<StepReuse> => {
    const made = await findStepVersion(db, runId, stepKey);
    return made ? { kind: "version", versionId: made.id, number: made.number } : null;
  };
}

/** The same for a deploying step: the deployment the killed try made, finished or not. */
export function reusedDeploymentOf(runId: string, stepKey: string) {
  return async (db: Db): Promise<StepReuse> => {
    const made = await findStepDeployment(db, runId, stepKey);
    return made ? { kind: "deployment", deploymentId: made.id, status: made.status } : null;
  };
}

/** The run stays locked and active while its version is written, and the version's event commits with it. */
function versionOfRun(runId: string, eventSummary: string): CreateVersionHooks {
  return {
    before: (tx) => lockActiveRun(tx, runId),
    after: async (tx, version) => {
      await appendRunEvent(tx, runId, "version.created", { versionId: version.id, number: version.number, files: version._count.files, summary: eventSummary });
    },
  };
}

/**
 * Stores the agents' files as a new version. Model output is a change set over the previous version; the offline compiler's is complete.
 * Keyed by (run, "create-version"): run again, it returns the version it made.
 */
export async function createVersionStep(db: Db, runId: string, fileSets: FileSet[], summary: string): Promise<{ versionId: string; number: number } | RunEnded> {
  const stepKey = "create-version";
  const made = await findStepVersion(db, runId, stepKey);
  if (made) return { versionId: made.id, number: made.number };
  const ended = await runEnded(db, runId);
  if (ended) return ended;
  const context = await loadRunContext(db, runId);
  const { brain } = brainAndBudget(context);
  const byPath = new Map<string, TGeneratedFile>();
  if (!brain.isOffline && context.previousVersionId) for (const file of await readFilesAsText(db, context.previousVersionId)) byPath.set(file.path, file);
  for (const set of fileSets) for (const file of set.files) byPath.set(file.path, file);
  const version = await unlessRunEnded(() =>
    createVersion(db, { projectId: context.projectId, runId, stepKey, parentVersionId: context.previousVersionId, summary, files: [...byPath.values()] }, versionOfRun(runId, summary)),
  );
  if ("runEnded" in version) return version;
  await reachFaultPoint("version", runId);
  return { versionId: version.id, number: version.number };
}

/**
 * `requirements`: what became of each requirement of the plan; `gaps`: what the run must report
 * (requirements not passed, checks that could not run). See decideRunOutcome for how they end the run.
 */
export type QaStepResult = QaVerdict & { screenshotSha: string | null };

/** A QA step that queued for one of the instance's browser slots says so, and for how long, in the run's log. */
async function reportBrowserWait(db: Db, runId: string, slot: BrowserSlot) {
  if (slot.waitedMs === 0) return;
  const line = `Waited ${(slot.waitedMs / 1000).toFixed(1)} s for a browser slot (${slot.queuedBehind} browser session(s) ran or queued ahead on this instance; QA_BROWSER_CONCURRENCY)`;
  await appendWhileActive(db, runId, (tx) => appendRunEvent(tx, runId, "agent.log", { agent: "QA", line }));
}

export async function qaStep(db: Db, runId: string, versionId: string, attempt: number): Promise<QaStepResult> {
  const context = await loadRunContext(db, runId);
  if (!context.plan) throw new Error("The run has no plan");
  const plan = context.plan;
  await markRunStage(db, runId, "TESTING");
  const files = await readFilesAsText(db, versionId);
  const stepKey = qaStepKey(attempt);
  // Checks that passed in an attempt of this step a crash cut off are kept, not run again.
  const checkMemo = createQaCheckMemo(db, runId, stepKey);
  const report = await runAgentTask(
    db,
    { runId, projectId: context.projectId, agentName: "QA", taskType: "verify", round: attempt, input: { versionId, attempt } },
    async () => ({
      value: await withStepScratch(runId, stepKey, (scratchDir) =>
        runQaAgent({
          plan,
          files,
          scratchDir,
          checkMemo,
          onBrowserReady: () => reachFaultPoint("qa", runId),
          onBrowserSlot: (slot) => reportBrowserWait(db, runId, slot),
          // The crash test's point: held once two checks passed (and were stored), or the only one.
          onCheckStored: (stored) => (stored >= Math.min(2, plan.acceptanceChecks.length) ? reachFaultPoint("qa-after-check", runId) : Promise.resolve()),
        }),
      ),
      usage: { inputTokens: 0, outputTokens: 0 },
      costUsd: 0,
      attempts: 1,
    }),
    (value) => ({
      passed: value.passed,
      failures: value.failures.length,
      checks: value.checks.length,
      keptChecks: value.checks.filter((check) => check.isFromEarlierAttempt).length,
      isBrowserVerified: value.isBrowserVerified,
    }),
  );
  let screenshotSha: string | null = null;
  if (report.screenshot) {
    screenshotSha = sha256(report.screenshot);
    const blob = { sha256: screenshotSha, content: new Uint8Array(report.screenshot), size: report.screenshot.length };
    await writeAfterAgentWork(() => db.fileBlob.createMany({ data: [blob], skipDuplicates: true }));
  }
  const verdict = { plan, checks: report.checks, browserUnavailableReason: report.browserUnavailableReason };
  const requirements = computeRequirementResults(verdict);
  const keptFromEarlierAttempt = report.checks.filter((check) => check.isFromEarlierAttempt).length;
  await writeAfterAgentWork(() => db.$transaction(async (tx) => {
    await appendRunEvent(tx, runId, "qa.result", {
      versionId,
      attempt,
      passed: report.passed,
      checks: report.checks.map((check) => ({
        id: check.id,
        description: check.description,
        passed: check.passed,
        status: check.status,
        message: check.message ?? null,
        ...(check.isTimedOut ? { isTimedOut: true } : {}),
        ...(check.isFromEarlierAttempt ? { isFromEarlierAttempt: true } : {}),
        durationMs: check.durationMs,
      })),
      staticProblems: report.staticProblems,
      testCommand: { ran: report.testCommand.ran, passed: report.testCommand.passed, durationMs: report.testCommand.durationMs, output: report.testCommand.output.slice(-2000) },
      consoleErrors: report.consoleErrors,
      screenshotSha,
      isBrowserVerified: report.isBrowserVerified,
      browserUnavailableReason: report.browserUnavailableReason,
      requirements,
      ...(keptFromEarlierAttempt ? { keptFromEarlierAttempt } : {}),
    });
    // The log now holds the outcome: the stored checks were only there to survive a crash.
    await clearQaCheckMemo(tx, runId, stepKey);
  }));
  const gaps = collectRunGaps({ ...verdict, results: requirements });
  return { passed: report.passed, failures: report.failures, screenshotSha, gaps, requirements };
}

/** Keyed by (run, "repair-<attempt>"): run again, it returns the version it made without asking the model again. */
export async function repairStep(db: Db, runId: string, versionId: string, failures: QaFailure[], attempt: number): Promise<{ versionId: string; number: number } | RunEnded> {
  const stepKey = `repair-${attempt}`;
  const made = await findStepVersion(db, runId, stepKey);
  if (made) return { versionId: made.id, number: made.number };
  const ended = await runEnded(db, runId);
  if (ended) return ended;
  const context = await loadRunContext(db, runId);
  if (!context.plan) throw new Error("The run has no plan");
  const plan = context.plan;
  const { brain, budget } = brainAndBudget(context);
  const files = await readFilesAsText(db, versionId);
  const repaired = await runAgentTask(
    db,
    { runId, projectId: context.projectId, agentName: "CodeGen", taskType: "repair", round: attempt, model: brain.model, input: { versionId, attempt, failures: failures.map((failure) => failure.checkId) } },
    () => brain.repairFiles({ plan, files, failures, budget, deploy: context.deploy }),
    (value) => ({ summary: value.summary, files: value.files.map((file) => file.path) }),
  );
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const file of repaired.files) byPath.set(file.path, file);
  const version = await unlessRunEnded(() =>
    writeAfterAgentWork(() => createVersion(
      db,
      { projectId: context.projectId, runId, stepKey, parentVersionId: versionId, summary: `Repair ${attempt}: ${repaired.summary}`, files: [...byPath.values()] },
      versionOfRun(runId, `Repair attempt ${attempt}`),
    )),
  );
  if ("runEnded" in version) return version;
  return { versionId: version.id, number: version.number };
}

/**
 * Keyed by (run, "deploy"): run again, it returns the deployment it made when that one finished,
 * or resumes it from where it stopped.
 */
export async function deployStep(
  db: Db,
  runId: string,
  versionId: string,
  previewOrigins: PreviewOrigins,
): Promise<{ deploymentId: string; status: DeploymentStatus; url: string | null } | RunEnded> {
  const stepKey = "deploy";
  const made = await findStepDeployment(db, runId, stepKey);
  if (made && made.completedAt) {
    // A crash between the deployment's end and its task's may have left the task RUNNING.
    await db.$transaction((tx) => closeInterruptedAgentTasks(tx, { runId, agentName: "Deploy", taskType: "local-preview" }));
    return { deploymentId: made.id, status: made.status, url: made.deploymentUrl };
  }
  const context = await loadRunContext(db, runId);
  if (!(await markRunStage(db, runId, "DEPLOYING"))) return (await runEnded(db, runId))!;
  return unlessRunEnded(async () => {
    const deployment = await runAgentTask(
      db,
      { runId, projectId: context.projectId, agentName: "Deploy", taskType: "local-preview", input: { versionId } },
      async () => ({
        value: await deployPreview(db, { projectId: context.projectId, versionId, runId, stepKey, previewOrigins }),
        usage: { inputTokens: 0, outputTokens: 0 },
        costUsd: 0,
        attempts: 1,
      }),
      (value) => ({ deploymentId: value.id, status: value.status, url: value.deploymentUrl }),
    );
    return { deploymentId: deployment.id, status: deployment.status, url: deployment.deploymentUrl };
  });
}

export type PushStepResult = { status: "skipped" } | { status: "pushed"; commitUrl: string; pullRequestUrl: string | null } | { status: "failed"; message: string };

/** Appends the step's event while the run is still active; a run that ended meanwhile gets none. */
async function appendWhileActive(db: Db, runId: string, append: (tx: Prisma.TransactionClient) => Promise<unknown>) {
  await unlessRunEnded(() =>
    db.$transaction(async (tx) => {
      await lockActiveRun(tx, runId);
      await append(tx);
    }),
  );
}

/**
 * Pushes the run's final version to the project's GitHub repository (skipped when it has none).
 * Idempotent per version (push-version.ts keeps the commit sha on the version). A failure does not
 * fail the run: it is recorded as a warning with GitHub's message and what to do, and the run goes on.
 */
export async function pushToGitHubStep(db: Db, runId: string, versionId: string): Promise<PushStepResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await pushVersionToGitHub(db, versionId, getConnectionOptions);
      if (result.status === "skipped") return { status: "skipped" };
      const version = await db.projectVersion.findUniqueOrThrow({ where: { id: versionId }, select: { number: true } });
      await appendWhileActive(db, runId, (tx) =>
        appendRunEvent(tx, runId, "github.pushed", { versionId, number: version.number, commitSha: result.commitSha, commitUrl: result.commitUrl, branch: result.branch, pullRequestUrl: result.pullRequestUrl }),
      );
      return { status: "pushed", commitUrl: result.commitUrl, pullRequestUrl: result.pullRequestUrl };
    } catch (error) {
      // Someone pushed to the branch meanwhile: build again on its new head, a couple of times.
      if (error instanceof BranchMovedError && attempt < 3) continue;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await appendWhileActive(db, runId, (tx) => appendRunEvent(tx, runId, "integration.warning", { provider: "GitHub", action: "push", message }));
      return { status: "failed", message };
    }
  }
}

/** The external targets the project deploys to (the preview is the run's own deploy step). */
export async function readDeployTargetsStep(db: Db, projectId: string): Promise<TExternalDeployTarget[]> {
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { deployTargets: true } });
  const chosen = parseDeployTargets(project.deployTargets);
  return externalDeployTargets.filter((target) => chosen.includes(target));
}

export type TargetStepResult = { target: TExternalDeployTarget; deploymentId: string; status: DeploymentStatus; url: string | null };

/**
 * Deploys the run's live version to one external target (its own Inngest step, keyed by run and
 * target: a retried step resumes the same Deployment). A failure is the target's alone: the
 * deployment ends FAILED with the provider's message, the run gets a warning, and goes on.
 */
export async function deployTargetStep(db: Db, runId: string, versionId: string, target: TExternalDeployTarget): Promise<TargetStepResult | RunEnded> {
  const { projectId } = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true } });
  return unlessRunEnded(async () => {
    const deployment = await deployVersionToTarget(db, { projectId, versionId, target, runId }, { access: getConnectionOptions });
    if (deployment.status === "FAILED") {
      const message = deployment.logs.trim().split("\n").pop()?.replace(/^\[[^\]]+\]\s*/, "").slice(0, 1000) ?? "The deployment failed";
      await appendWhileActive(db, runId, (tx) => appendRunEvent(tx, runId, "integration.warning", { provider: deployTargetLabels[target], action: "deploy", message }));
    }
    return { target, deploymentId: deployment.id, status: deployment.status, url: deployment.deploymentUrl };
  });
}
