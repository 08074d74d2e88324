// Every way a run starts — a new project, a follow-up prompt, a retry — is the same three steps:
// queue the run (its rows and its run.queued event, in one transaction), hand it to the agent
// pipeline by sending `prompts.new`, and if the event cannot be delivered, mark the run failed at
// once rather than leave it queued forever. The routers call this and nothing else to start one.
import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { promptsNew } from "../events/inngest-events";
import { isRetryableRunStatus } from "../events/run-statuses";
import type { SendEvent } from "../pipeline/send-event";
import { createProject } from "../projects/create-project";
import type { TCreateProjectInput } from "../projects/schemas";
import { createFollowUpRun } from "./manage-runs";
import { trackProductEvent } from "../observability/product-analytics";
import { markRunFinished } from "./run-lifecycle";

export type TStartRunRequest =
  | { kind: "new-project"; userId: string; project: TCreateProjectInput }
  | { kind: "follow-up"; userId: string; projectId: string; prompt: string }
  /** The same prompt again as a new run; the finished one stays in the history. */
  | { kind: "retry"; userId: string; runId: string };

/** Queues the run (with its project, for a new one) and hands it to the pipeline. */
export async function startPipelineRun(db: Db, send: SendEvent, request: TStartRunRequest) {
  const queued = await queueRun(db, request);
  await dispatchRun(db, send, queued.run);
  const { run } = queued;
  if (request.kind === "new-project") {
    trackProductEvent({ event: "project created", distinctId: request.userId, properties: { projectId: run.projectId, workspaceId: request.project.workspaceId, runId: run.id } });
  } else if (request.kind === "follow-up") {
    trackProductEvent({ event: "follow-up", distinctId: request.userId, properties: { projectId: run.projectId, runId: run.id } });
  }
  return queued;
}

async function queueRun(db: Db, request: TStartRunRequest) {
  switch (request.kind) {
    case "new-project":
      return createProject(db, { ...request.project, userId: request.userId });
    case "follow-up":
      return createFollowUpRun(db, { projectId: request.projectId, prompt: request.prompt, userId: request.userId });
    case "retry": {
      const previous = await db.run.findUnique({ where: { id: request.runId }, select: { projectId: true, prompt: true, status: true } });
      if (!previous) throw notFound("Run");
      if (!isRetryableRunStatus(previous.status)) {
        throw new AppError("BAD_REQUEST", `The run is ${previous.status.toLowerCase()}; only a failed, cancelled or incomplete run can be retried`);
      }
      return createFollowUpRun(db, { projectId: previous.projectId, prompt: previous.prompt, userId: request.userId });
    }
    default: {
      const unhandled: never = request;
      throw new Error(`Unknown run request ${JSON.stringify(unhandled)}`);
    }
  }
}

async function dispatchRun(db: Db, send: SendEvent, run: { id: string; projectId: string; prompt: string; triggeredById: string | null }) {
  try {
    await send(promptsNew.create({ runId: run.id, projectId: run.projectId, prompt: run.prompt, userId: run.triggeredById ?? undefined }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markRunFinished(db, run.id, { status: "FAILED", error: `The pipeline could not be started: ${message}` });
    throw new AppError("BAD_REQUEST", "The agent pipeline is not reachable right now; the run was marked failed. Try again.");
  }
}
