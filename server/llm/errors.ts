// Typed failures of a model call, so the pipeline can tell "fix your settings" from "the model
// could not produce valid output" from "this run is out of budget" and stop a run cleanly.
import type { TokenUsage } from "./agent-model";
import type { BudgetLimit, BudgetTotals } from "./run-budget";

/** The workspace picked a provider or model the server is not configured for. Not retryable. */
export class ModelConfigurationError extends Error {
  readonly provider: string;
  /** The environment variable to set, when one would fix it. */
  readonly envVar?: string;

  constructor(provider: string, message: string, options?: { envVar?: string }) {
    super(message);
    this.name = "ModelConfigurationError";
    this.provider = provider;
    this.envVar = options?.envVar;
  }
}

/** The offline compiler could not plan the prompt. It is deterministic, so a retry would fail the same way. */
export class PlanCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanCompileError";
  }
}

/** The model kept answering with output that is not valid JSON for the task's schema. */
export class StructuredOutputError extends Error {
  readonly task: string;
  readonly attempts: number;
  /** The last parse/validation problem, as sent back to the model. */
  readonly lastIssue: string;
  /** The last raw reply, for logs (may be long). */
  readonly lastText: string;
  /** Tokens and cost of every failed attempt: they were spent and must still be recorded. */
  readonly usage: TokenUsage;
  readonly costUsd: number;

  constructor(args: { task: string; attempts: number; lastIssue: string; lastText: string; usage: TokenUsage; costUsd: number }) {
    super(
      `${args.task}: the model's output was still invalid after ${args.attempts} attempt${args.attempts === 1 ? "" : "s"}. ` +
        `Last problem: ${args.lastIssue}`,
    );
    this.name = "StructuredOutputError";
    this.task = args.task;
    this.attempts = args.attempts;
    this.lastIssue = args.lastIssue;
    this.lastText = args.lastText;
    this.usage = args.usage;
    this.costUsd = args.costUsd;
  }
}

/** A run reached its token or USD limit; thrown before the next model call, never mid-call. */
export class BudgetExceededError extends Error {
  readonly limit: BudgetLimit;
  readonly totals: BudgetTotals;

  constructor(limit: BudgetLimit, totals: BudgetTotals) {
    super(
      limit.kind === "tokens"
        ? `Run budget exceeded: ${totals.tokensIn + totals.tokensOut} tokens used ` +
            `(${totals.tokensIn} in, ${totals.tokensOut} out) of a ${limit.max}-token limit.`
        : `Run budget exceeded: $${totals.costUsd.toFixed(4)} used of a $${limit.max.toFixed(2)} limit.`,
    );
    this.name = "BudgetExceededError";
    this.limit = limit;
    this.totals = totals;
  }
}
