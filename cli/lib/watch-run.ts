// Follows a run live: replays its event log, then streams new events until the run finishes
// (or waits for a plan review), with a spinner and timings on a terminal. Ctrl-C detaches: the
// run goes on on the server, and the printed command re-attaches to it.
import type { RunEventMessage, RunGap } from "../../server/events/run-events";
import { isFinishedRunStatus } from "../../server/events/run-statuses";
import type { CommandContext } from "./context";
import { exitCodes, type ExitCode } from "./exit-codes";
import { formatDuration } from "./output";
import { activityAfter, renderRunEvent } from "./render-run-event";
import { readRunEvents } from "./run-event-stream";
import { startSpinner } from "./spinner";

export type WatchOutcome = {
  runId: string;
  projectId: string;
  status: string;
  previewUrl: string | null;
  versionNumber: number | null;
  gaps: RunGap[];
  error: string | null;
  isDetached: boolean;
  isWaitingForReview: boolean;
  exitCode: ExitCode;
};

type WatchOptions = {
  /** Stop after this seq (for `epic logs`: what the log holds now). Follows until the end otherwise. */
  untilSeq?: number;
  /** Print the final summary (preview URL, hints). */
  isSummaryShown?: boolean;
  /** Stop when the plan waits for review (default). Off right after approving: the run stays WAITING until the pipeline picks the decision up. */
  isStoppedAtReview?: boolean;
  reviewPollMs?: number;
};

const finalStatusOfEvent: Partial<Record<RunEventMessage["type"], string>> = {
  "run.succeeded": "SUCCEEDED",
  "run.ready_with_gaps": "READY_WITH_GAPS",
  "run.failed": "FAILED",
  "run.cancelled": "CANCELLED",
};

export async function watchRun(context: CommandContext, runId: string, options: WatchOptions = {}): Promise<WatchOutcome> {
  const { api, output, credentials } = context;
  const run = await api.run.get.query({ runId });
  const outcome: WatchOutcome = {
    runId,
    projectId: run.projectId,
    status: run.status,
    previewUrl: null,
    versionNumber: null,
    gaps: [],
    error: run.error,
    isDetached: false,
    isWaitingForReview: false,
    exitCode: exitCodes.ok,
  };
  if (options.untilSeq === 0) return outcome;

  const controller = new AbortController();
  const onSigint = () => {
    outcome.isDetached = true;
    controller.abort();
  };
  process.once("SIGINT", onSigint);

  let activity = `${run.status.toLowerCase()}…`;
  const startedAt = (run.startedAt ?? run.queuedAt ?? new Date()).getTime();
  const isFollowing = options.untilSeq === undefined;
  const spinner = isFollowing && !isFinishedRunStatus(run.status) ? startSpinner(output, () => `${activity} ${formatDuration(Date.now() - startedAt)}`) : null;
  const state = { startedAt: null as number | null };
  let isReviewPending = false;
  let finishedAt: number | null = null;

  // A plan that waits for review keeps the run open until someone decides: stop there and say how.
  const reviewWatch = setInterval(() => {
    if (!isReviewPending || options.isStoppedAtReview === false) return;
    api.run.get.query({ runId }).then(
      (current) => {
        if (isReviewPending && current.status === "WAITING") {
          outcome.isWaitingForReview = true;
          controller.abort();
        }
      },
      () => {},
    );
  }, options.reviewPollMs ?? 1000);

  try {
    for await (const item of readRunEvents(credentials, runId, { signal: controller.signal })) {
      if (item.kind === "end") break;
      const { event } = item;
      if (output.isJson) output.json(event);
      else for (const line of renderRunEvent(event, output.paint, state)) output.line(line);
      activity = activityAfter(event, activity);
      if (event.type === "plan.generated") isReviewPending = event.payload.isApprovalRequired;
      if (event.type === "plan.approved" || event.type === "plan.rejected") isReviewPending = false;
      if (event.type === "version.created") outcome.versionNumber = event.payload.number;
      if (event.type === "deployment.status" && event.payload.status === "READY" && event.payload.url) outcome.previewUrl = event.payload.url;
      if (event.type === "run.ready_with_gaps") outcome.gaps = event.payload.gaps;
      if (event.type === "run.failed" || event.type === "run.cancelled") outcome.error = event.payload.error;
      const finalStatus = finalStatusOfEvent[event.type];
      if (finalStatus) {
        outcome.status = finalStatus;
        finishedAt = new Date(event.createdAt).getTime();
        break;
      }
      if (options.untilSeq !== undefined && event.seq >= options.untilSeq) break;
    }
  } finally {
    clearInterval(reviewWatch);
    spinner?.stop();
    process.removeListener("SIGINT", onSigint);
  }

  if (outcome.isDetached) {
    outcome.exitCode = exitCodes.detached;
    output.json({ type: "detached", runId });
    output.note(`\nDetached; the run goes on. Re-attach with: epic watch ${runId}`);
    return outcome;
  }
  if (outcome.isWaitingForReview) outcome.status = "WAITING";
  else if (!finishedAt) outcome.status = (await api.run.get.query({ runId })).status;

  if (outcome.status === "FAILED" || outcome.status === "CANCELLED") outcome.exitCode = exitCodes.failed;
  if ((outcome.status === "SUCCEEDED" || outcome.status === "READY_WITH_GAPS") && !outcome.previewUrl) {
    outcome.previewUrl = (await api.deployment.origins.query({ projectId: run.projectId }).catch(() => null))?.liveUrl ?? null;
  }
  if (options.isSummaryShown === false) return outcome;

  output.json({
    type: "result",
    runId,
    projectId: run.projectId,
    status: outcome.status,
    previewUrl: outcome.previewUrl,
    version: outcome.versionNumber,
    gaps: outcome.gaps,
    error: outcome.error,
    durationMs: finishedAt ? finishedAt - startedAt : null,
  });
  const paint = output.paint;
  if (outcome.isWaitingForReview) {
    output.line();
    output.line(paint.yellow("The plan is waiting for your review."));
    output.line(`  Approve:  epic plan ${run.projectId} --approve`);
    output.line(`  Edit:     epic plan ${run.projectId} --edit`);
    output.line(`  Reject:   epic plan ${run.projectId} --reject`);
    output.line(`  Show it:  epic plan ${run.projectId}`);
  } else if (outcome.previewUrl && outcome.exitCode === exitCodes.ok) {
    output.line();
    output.line(`${paint.green("Preview ready:")} ${paint.bold(outcome.previewUrl)}${finishedAt ? paint.dim(`  (${formatDuration(finishedAt - startedAt)})`) : ""}`);
  } else if (outcome.exitCode === exitCodes.failed) {
    output.note(`Retry with the dashboard, or start a follow-up: epic change ${run.projectId} "…"`);
  }
  return outcome;
}
