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

/**
 * The model provider itself failed (rate limited, server error, an unreadable reply, no answer in
 * time, unreachable), after the AI SDK's own retries with back-off (which honour Retry-After).
 * The message names the provider and model, since that is what the user has to look at; tokens
 * spent by earlier attempts of the same request (replies that failed validation) are kept so they
 * are still charged to the run.
 */
export class ModelProviderError extends Error {
  readonly provider: string;
  readonly model: string;
  readonly task: string;
  /** HTTP requests made for the failing call (retries included). */
  readonly httpAttempts: number;
  /** The last HTTP status, when there was one. */
  readonly statusCode?: number;
  /** Whether trying again later might work (429, 5xx, timeouts, unreadable replies); false for e.g. 401 or 400. */
  readonly isRetryable: boolean;
  readonly usage: TokenUsage;
  readonly costUsd: number;

  constructor(args: {
    provider: string;
    model: string;
    task: string;
    problem: string;
    httpAttempts: number;
    statusCode?: number;
    isRetryable: boolean;
    usage: TokenUsage;
    costUsd: number;
    cause: unknown;
  }) {
    super(
      `Model provider ${args.provider} (${args.model}) failed: ${args.problem}` +
        `${args.httpAttempts > 1 ? ` after ${args.httpAttempts} attempts` : ""} (${args.task}).`,
      { cause: args.cause },
    );
    this.name = "ModelProviderError";
    this.provider = args.provider;
    this.model = args.model;
    this.task = args.task;
    this.httpAttempts = args.httpAttempts;
    this.statusCode = args.statusCode;
    this.isRetryable = args.isRetryable;
    this.usage = args.usage;
    this.costUsd = args.costUsd;
  }
}
