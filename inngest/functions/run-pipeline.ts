// The agent pipeline as one durable function: prompt → plan (→ human approval) → code, data
// layer and infrastructure in parallel → version → QA with bounded repair → preview deploy.
// Each step's result is memoised, so a crash resumes after the last finished step; the step cut
// off runs again, and says so in the run's log (server/pipeline/run-tracked-step.ts).
import { NonRetriableError } from "inngest";
import { getMigratedDatabase } from "~/server/db";
import { getPreviewOrigins } from "~/server/deployments/preview-config";
import { BudgetExceededError, ModelConfigurationError, ModelProviderError, PlanCompileError } from "~/server/llm";
import type { Db } from "~/server/db";
import type { FileAgentName } from "~/server/plan/agent-names";
import { runTrackedStep, type TrackedStepSpec } from "~/server/pipeline/run-tracked-step";
import {
  createVersionStep,
  deployStep,
  deployTargetStep,
  describeBrain,
  MAX_REPAIR_ATTEMPTS,
  planStep,
  pushToGitHubStep,
  qaStep,
  readDeployTargetsStep,
  repairStep,
  reusedDeploymentOf,
  reusedVersionOf,
  writeFilesStep,
} from "~/server/pipeline/pipeline-steps";
import { decideRunOutcome, isDeployable, markRunFinished, markRunStage, markRunStarted, recordPlanReview } from "~/server/runs/run-lifecycle";
import { codeGenerated, deploymentsStatus, plansGenerated, plansReviewed, promptsNew } from "~/server/events/inngest-events";
import { deployStepKey } from "~/server/events/deploy-targets";
import { reportError } from "~/server/observability/error-reporting";
import { getLogger, withLogContext } from "~/server/observability/logger";
import { inngest } from "../client";

const log = getLogger("pipeline");

const db = async () => (await getMigratedDatabase()).prisma;

/**
 * Errors no retry can fix end the run at once, with their message. A provider's 401 or 400 is one;
 * its 429s, 5xx and timeouts (already retried with back-off inside the call) get the step's own
 * retries, later, in case the outage passes.
 */
async function nonRetriable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const isPermanent =
      error instanceof BudgetExceededError ||
      error instanceof ModelConfigurationError ||
      error instanceof PlanCompileError ||
      (error instanceof ModelProviderError && !error.isRetryable);
    if (isPermanent) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

export const runPipeline = inngest.createFunction(
  {
    id: "run-pipeline",
    triggers: [promptsNew],
    retries: 2,
    // One run at a time per project: a follow-up builds on the version the previous run made.
    concurrency: { limit: 1, key: "event.data.projectId" },
    cancelOn: [{ event: "runs.cancel.requested", match: "data.runId" }],
  },
  async ({ event, step }) => withLogContext({ runId: event.data.runId, projectId: event.data.projectId }, async () => {
    const { runId, projectId } = event.data;
    /**
     * A step whose tries are recorded (StepAttempt), so its re-run after a crash appends
     * "step.resumed" when no agent event tells of it. The steps that end the run (fail-qa, finish,
     * record-failure, a rejected review) are not: once the run has ended its log has too.
     */
    const tracked = <T>(stepKey: string, work: (database: Db) => Promise<T>, spec: Omit<TrackedStepSpec, "runId" | "stepKey"> = {}) =>
      step.run(stepKey, async () => {
        const database = await db();
        return runTrackedStep(database, { runId, stepKey, ...spec }, () => work(database));
      });
    try {
      const brain = await tracked("start", async (database) => {
        const label = await describeBrain(database, runId);
        await markRunStarted(database, runId, { brain: label });
        return label;
      });

      const { plan, isApprovalRequired } = await tracked("plan", (database) => nonRetriable(() => planStep(database, runId)), {
        agentTask: { agentName: "PromptCompiler", taskType: "plan" },
      });
      await step.sendEvent("announce-plan", plansGenerated.create({ projectId, runId, plan }));

      if (isApprovalRequired) {
        const review = await step.waitForEvent("await-plan-review", { event: plansReviewed, timeout: "7d", match: "data.runId" });
        const isApproved = review?.data.isApproved ?? false;
        await step.run("record-plan-review", async () =>
          recordPlanReview(await db(), runId, {
            isApproved,
            feedback: review ? review.data.feedback : "No review within 7 days",
            reviewerId: review?.data.reviewerId,
          }),
        );
        if (!isApproved) return { status: "rejected" as const };
      }

      await tracked("stage-building", (database) => markRunStage(database, runId, "BUILDING"));
      const writeFiles = (stepKey: string, agent: FileAgentName) =>
        tracked(stepKey, (database) => nonRetriable(() => writeFilesStep(database, runId, agent)), { agentTask: { agentName: agent, taskType: "write-files" } });
      const [code, data, infra] = await Promise.all([writeFiles("codegen", "CodeGen"), writeFiles("db", "DB"), writeFiles("infra", "Infra")]);
      const created = await tracked(
        "create-version",
        (database) => createVersionStep(database, runId, [code, data, infra], `${plan.appName}: ${plan.summary}`.slice(0, 300)),
        { findReused: reusedVersionOf(runId, "create-version") },
      );
      // A step of a run that ended meanwhile (cancelled) wrote nothing: stop without touching it.
      if ("runEnded" in created) return { status: "ended" as const, runStatus: created.runEnded };
      let version = created;
      await step.sendEvent("announce-code", codeGenerated.create({ projectId, runId, versionId: version.versionId }));

      const qaRound = (round: number, versionId: string) =>
        tracked(`qa-${round}`, (database) => qaStep(database, runId, versionId, round), { agentTask: { agentName: "QA", taskType: "verify", round } });
      let qa = await qaRound(1, version.versionId);
      for (let attempt = 1; !qa.passed && attempt <= MAX_REPAIR_ATTEMPTS; attempt++) {
        const failures = qa.failures;
        const repairKey = `repair-${attempt}`;
        const repaired = await tracked(repairKey, (database) => nonRetriable(() => repairStep(database, runId, version.versionId, failures, attempt)), {
          agentTask: { agentName: "CodeGen", taskType: "repair", round: attempt },
          findReused: reusedVersionOf(runId, repairKey),
        });
        if ("runEnded" in repaired) return { status: "ended" as const, runStatus: repaired.runEnded };
        version = repaired;
        qa = await qaRound(attempt + 1, version.versionId);
      }
      // The end of the run is decided in one place (decideRunOutcome). Memoised QA steps from
      // before requirements were checked resume without them (`?? []`).
      const verdict = { ...qa, gaps: qa.gaps ?? [], requirements: qa.requirements ?? [] };
      const versionId = version.versionId;
      const repairs = MAX_REPAIR_ATTEMPTS;
      if (!isDeployable(verdict)) {
        const outcome = decideRunOutcome({ versionId, qa: verdict, deployment: null, repairs });
        await step.run("fail-qa", async () => markRunFinished(await db(), runId, outcome));
        return { status: "failed" as const, versionId };
      }

      // QA passed, or only requirements' checks failed: the app loads and works, so it goes live
      // and the run reports what it does not do (READY_WITH_GAPS), never a plain success.
      // The version going live is pushed to the project's GitHub repository first (when it has one);
      // a failed push is a warning on the run, never its failure.
      await tracked("push-to-github", (database) => pushToGitHubStep(database, runId, versionId));
      const deployment = await tracked("deploy", (database) => deployStep(database, runId, versionId, getPreviewOrigins()), {
        agentTask: { agentName: "Deploy", taskType: "local-preview" },
        findReused: reusedDeploymentOf(runId, "deploy"),
      });
      if ("runEnded" in deployment) return { status: "ended" as const, runStatus: deployment.runEnded };
      await step.sendEvent(
        "announce-deployment",
        deploymentsStatus.create({ projectId, deploymentId: deployment.deploymentId, status: deployment.status, url: deployment.url ?? undefined }),
      );
      // Once the preview is live, each of the project's other targets gets the version in a step
      // of its own (in parallel): one failing is a warning on the run, never its failure.
      if (deployment.status === "READY") {
        const targets = await tracked("read-deploy-targets", (database) => readDeployTargetsStep(database, projectId));
        const results = await Promise.all(
          targets.map((target) =>
            tracked(deployStepKey(target), (database) => deployTargetStep(database, runId, versionId, target), { findReused: reusedDeploymentOf(runId, deployStepKey(target)) }),
          ),
        );
        const ended = results.find((result) => "runEnded" in result);
        if (ended && "runEnded" in ended) return { status: "ended" as const, runStatus: ended.runEnded };
      }
      const outcome = decideRunOutcome({ versionId, qa: verdict, deployment, repairs });
      await step.run("finish", async () => markRunFinished(await db(), runId, outcome));
      switch (outcome.status) {
        case "SUCCEEDED":
          return { status: "succeeded" as const, brain, versionId, url: deployment.url };
        case "READY_WITH_GAPS":
          return { status: "ready-with-gaps" as const, brain, versionId, url: deployment.url, gaps: outcome.gaps.length };
        default:
          return { status: "failed" as const, versionId };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step.run("record-failure", async () => markRunFinished(await db(), runId, { status: "FAILED", error: message.slice(0, 2000) }));
      log.error({ err: error }, "run failed");
      void reportError(error);
      throw new NonRetriableError(message);
    }
  }),
);
