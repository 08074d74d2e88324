// Hands a queued run to the agent pipeline by sending `prompts.new`. If the event cannot be
// delivered, the run is marked failed at once rather than left queued forever.
import { promptsNew, runsCancelRequested } from "../events/inngest-events";
import type { Db } from "../db";
import { AppError } from "../errors";
import { markRunFinished } from "../runs/run-lifecycle";
import type { SendEvent } from "./send-event";

export async function startPipelineRun(db: Db, send: SendEvent, run: { id: string; projectId: string; prompt: string; triggeredById?: string | null }) {
  try {
    await send(promptsNew.create({ runId: run.id, projectId: run.projectId, prompt: run.prompt, userId: run.triggeredById ?? undefined }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markRunFinished(db, run.id, { status: "FAILED", error: `The pipeline could not be started: ${message}` });
    throw new AppError("BAD_REQUEST", "The agent pipeline is not reachable right now; the run was marked failed. Try again.");
  }
}

export async function requestRunCancellation(send: SendEvent, runId: string) {
  await send(runsCancelRequested.create({ runId }));
}
