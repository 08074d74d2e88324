import type { Db } from "../db";
import { parseDeployTargets } from "../events/deploy-targets";
import { appendRunEvent } from "../runs/append-run-event";
import { deriveProjectName } from "./derive-project-name";
import type { TCreateProjectInput } from "./schemas";

/**
 * Creates a project from a prompt together with its first run, queued for the agent pipeline.
 * Everything happens in one transaction: a project never exists without the run that builds it.
 */
export async function createProject(db: Db, input: TCreateProjectInput & { userId: string }) {
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        workspaceId: input.workspaceId,
        userId: input.userId,
        name: input.name ?? deriveProjectName(input.prompt),
        originalPrompt: input.prompt,
        status: "QUEUED",
        requiresPlanApproval: input.requiresPlanApproval ?? false,
        ...(input.deployTargets ? { deployTargets: parseDeployTargets(input.deployTargets) } : {}),
      },
    });
    const run = await tx.run.create({
      data: { projectId: project.id, triggeredById: input.userId, prompt: input.prompt, status: "QUEUED" },
    });
    await appendRunEvent(tx, run.id, "run.queued", { prompt: input.prompt, triggeredBy: input.userId });
    return { project, run };
  });
}
