import type { Db } from "../db";
import { ZPlan, type TPlan } from "~/server/plan/plan-schema";
import { parseDeployTargets } from "../events/deploy-targets";
import { siteNameFor } from "../deployments/targets/target-adapter";

/** Everything the pipeline needs to know about a run, read fresh in each step (steps may replay anywhere). */
export async function loadRunContext(db: Db, runId: string) {
  const run = await db.run.findUniqueOrThrow({
    where: { id: runId },
    select: {
      id: true,
      prompt: true,
      status: true,
      plan: true,
      tokensIn: true,
      tokensOut: true,
      costUsd: true,
      createdAt: true,
      project: {
        select: {
          id: true,
          name: true,
          deployTargets: true,
          requiresPlanApproval: true,
          liveVersionId: true,
          liveVersion: { select: { id: true, run: { select: { plan: true } } } },
          workspace: { select: { modelProvider: true, modelName: true, runBudgetTokens: true, runBudgetUsd: true, requirePlanApproval: true } },
        },
      },
    },
  });
  const previousPlanParse = ZPlan.safeParse(run.project.liveVersion?.run?.plan);
  // Which prompt of the project this is, in the order of its prompt history (retries included).
  const promptIndex = await db.run.count({ where: { projectId: run.project.id, OR: [{ createdAt: { lt: run.createdAt } }, { createdAt: run.createdAt, id: { lt: run.id } }] } });
  return {
    runId: run.id,
    projectId: run.project.id,
    prompt: run.prompt,
    promptIndex,
    plan: run.plan ? ZPlan.parse(run.plan) : null,
    previousVersionId: run.project.liveVersionId,
    previousPlan: previousPlanParse.success ? previousPlanParse.data : (null as TPlan | null),
    isApprovalRequired: run.project.requiresPlanApproval || run.project.workspace.requirePlanApproval,
    workspace: run.project.workspace,
    /** Where the project deploys: the Infra agent writes these targets' configs. */
    deploy: { targets: parseDeployTargets(run.project.deployTargets), siteName: siteNameFor(run.project.name, run.project.id) },
    spent: { tokensIn: run.tokensIn, tokensOut: run.tokensOut, costUsd: run.costUsd },
  };
}

export type RunContext = Awaited<ReturnType<typeof loadRunContext>>;
