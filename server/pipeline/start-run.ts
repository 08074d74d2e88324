// Asks the agent pipeline to stop a run (its functions list `runs.cancel.requested` in `cancelOn`).
// Starting a run is server/runs/start-pipeline-run.ts.
import { runsCancelRequested } from "../events/inngest-events";
import type { SendEvent } from "./send-event";

export async function requestRunCancellation(send: SendEvent, runId: string) {
  await send(runsCancelRequested.create({ runId }));
}
