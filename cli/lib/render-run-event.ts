// One run event as the terminal shows it: a line per stage, agent and result, with the time since
// the run started. Exhaustive over the event contract, so a new event type cannot be forgotten.
import { assertNever, type RunEventMessage } from "../../server/events/run-events";
import { formatDuration, truncate, type Paint } from "./output";

export type RenderState = { startedAt: number | null };

/** The lines to print for `event` (none for events that only feed the spinner). */
export function renderRunEvent(event: RunEventMessage, paint: Paint, state: RenderState): string[] {
  const at = new Date(event.createdAt).getTime();
  if (state.startedAt === null && (event.type === "run.queued" || event.type === "run.started")) state.startedAt = at;
  const clock = paint.gray(`[${formatDuration(at - (state.startedAt ?? at)).padStart(6)}]`);
  const line = (text: string) => `${clock} ${text}`;
  switch (event.type) {
    case "run.queued":
      return [line(`Queued${event.payload.isFollowUp ? " (follow-up)" : ""}: ${truncate(event.payload.prompt, 100)}`)];
    case "run.started":
      return [line(`Started ${paint.dim(`(${event.payload.brain})`)}`)];
    case "run.stage":
      return [line(paint.bold(`▸ ${stageLabel(event.payload.stage)}`))];
    case "plan.generated": {
      const plan = event.payload.plan;
      const lines = [
        line(`Plan: ${paint.bold(plan.appName)} — ${plan.pages.length} page(s), ${plan.entities.length} entit${plan.entities.length === 1 ? "y" : "ies"}, ${plan.acceptanceChecks.length} check(s)`),
      ];
      if (event.payload.isApprovalRequired) lines.push(line(paint.yellow("The plan waits for review before building.")));
      return lines;
    }
    case "plan.edited":
      return [line("Plan edited by a reviewer")];
    case "plan.approved":
      return [line(paint.green(`Plan approved${event.payload.feedback ? `: ${truncate(event.payload.feedback, 80)}` : ""}`))];
    case "plan.rejected":
      return [line(paint.red(`Plan rejected${event.payload.feedback ? `: ${truncate(event.payload.feedback, 80)}` : ""}`))];
    case "agent.started":
      return [line(`  ${paint.cyan(event.payload.agent)} started${event.payload.attempt > 1 ? ` (attempt ${event.payload.attempt})` : ""}`)];
    case "agent.resumed":
      return [line(paint.yellow(`  ${event.payload.agent} ${event.payload.taskType}${event.payload.round ? ` round ${event.payload.round}` : ""} resumed after the platform restarted`))];
    case "step.resumed":
      return [line(paint.yellow(`  Step ${event.payload.stepKey} ran again after the platform restarted${event.payload.reused ? ` (reused its ${event.payload.reused.kind})` : ""}`))];
    case "agent.closed":
      return [line(paint.yellow(`  ${event.payload.agent} ${event.payload.taskType}${event.payload.round ? ` round ${event.payload.round}` : ""} ${event.payload.status === "CANCELLED" ? "cancelled" : "interrupted"} with the run`))];
    case "agent.log":
      return [line(`  ${paint.cyan(event.payload.agent)} ${paint.dim("│")} ${event.payload.line}`)];
    case "agent.completed":
      return [line(`  ${paint.green("✓")} ${event.payload.agent} ${paint.dim(formatDuration(event.payload.durationMs))}`)];
    case "agent.failed":
      return [line(`  ${paint.red("✗")} ${event.payload.agent}: ${event.payload.error}`)];
    case "version.created":
      return [line(`Version ${paint.bold(`v${event.payload.number}`)} (${event.payload.files} files): ${truncate(event.payload.summary, 80)}`)];
    case "qa.result": {
      const checks = event.payload.checks;
      const passed = checks.filter((check) => check.passed).length;
      const unverified = checks.filter((check) => check.status === "unverified").length;
      const verdict = !event.payload.passed ? paint.yellow("QA found problems") : unverified ? "QA found no failures" : paint.green("QA passed");
      return [
        line(`${verdict}: ${passed}/${checks.length} checks passed${unverified ? `, ${unverified} not verified (no browser)` : ""}`),
        ...checks.filter((check) => check.status === "failed" || (!check.passed && check.status === undefined)).map((check) => line(`  ${paint.red("✗")} ${check.description}${check.message ? ` — ${truncate(check.message, 100)}` : ""}`)),
      ];
    }
    case "deployment.status":
      return [line(`Deployment ${event.payload.status.toLowerCase()}${event.payload.url ? `: ${event.payload.url}` : ""}`)];
    case "github.pushed":
      return [line(`Pushed version ${event.payload.number} to GitHub (${event.payload.branch}): ${event.payload.pullRequestUrl ?? event.payload.commitUrl}`)];
    case "integration.warning":
      return [line(paint.yellow(`${event.payload.provider}: could not ${event.payload.action}: ${truncate(event.payload.message, 160)}`))];
    case "run.succeeded":
      return [line(paint.green(paint.bold("✓ Run succeeded")))];
    case "run.ready_with_gaps":
      return [
        line(paint.yellow(paint.bold(`Ready with gaps: ${event.payload.summary}`))),
        ...event.payload.gaps.map((gap) => line(`  ${paint.yellow("•")} ${gap.description} ${paint.dim(`(${gap.status}: ${truncate(gap.reason, 80)})`)}`)),
      ];
    case "run.failed":
      return [line(paint.red(paint.bold(`✗ Run failed${event.payload.error ? `: ${event.payload.error}` : ""}`)))];
    case "run.cancelled":
      return [line(paint.red(`Run cancelled${event.payload.error ? `: ${event.payload.error}` : ""}`))];
    default:
      return assertNever(event);
  }
}

export function stageLabel(stage: string): string {
  return ({ PLANNING: "Planning", BUILDING: "Building", TESTING: "Testing", DEPLOYING: "Deploying" } as Record<string, string>)[stage] ?? stage;
}

/** The spinner's text after `event`: what the run is doing now. */
export function activityAfter(event: RunEventMessage, previous: string): string {
  switch (event.type) {
    case "run.stage":
      return `${stageLabel(event.payload.stage)}…`;
    case "agent.started":
      return `${event.payload.agent} working…`;
    case "run.queued":
      return "Queued…";
    default:
      return previous;
  }
}
