// A run's token/USD budget. The state is plain data shaped like Run.tokensIn/tokensOut/costUsd, so
// a durable run replaying after a crash restores it from the Run row and keeps counting.
import type { TokenUsage } from "./agent-model";
import { BudgetExceededError } from "./errors";

export type BudgetTotals = { tokensIn: number; tokensOut: number; costUsd: number };
export type BudgetLimit = { kind: "tokens"; max: number } | { kind: "usd"; max: number };

export type RunBudgetOptions = {
  /** Input + output tokens; null/undefined = no limit (Workspace.runBudgetTokens). */
  maxTokens?: number | null;
  /** USD; null/undefined = no limit (Workspace.runBudgetUsd). */
  maxUsd?: number | null;
  /** Totals already spent, e.g. from the Run row when a run resumes. */
  spent?: BudgetTotals;
};

export type RunBudget = {
  readonly maxTokens: number | null;
  readonly maxUsd: number | null;
  /** A copy of the running totals, to persist on the Run. */
  readonly totals: BudgetTotals;
  /** The limit already reached, or null. */
  exceededLimit(): BudgetLimit | null;
  /** Throws BudgetExceededError when a limit is reached. Call before each model call. */
  assertAvailable(): void;
  /** Records a finished call. Never throws: the reply was paid for and is kept; the next check stops the run. */
  charge(usage: TokenUsage, costUsd: number): BudgetTotals;
};

export function createRunBudget(options: RunBudgetOptions = {}): RunBudget {
  const maxTokens = options.maxTokens ?? null;
  const maxUsd = options.maxUsd ?? null;
  const totals: BudgetTotals = { tokensIn: 0, tokensOut: 0, costUsd: 0, ...options.spent };

  const exceededLimit = (): BudgetLimit | null => {
    if (maxTokens !== null && totals.tokensIn + totals.tokensOut >= maxTokens) return { kind: "tokens", max: maxTokens };
    if (maxUsd !== null && totals.costUsd >= maxUsd) return { kind: "usd", max: maxUsd };
    return null;
  };

  return {
    maxTokens,
    maxUsd,
    get totals() {
      return { ...totals };
    },
    exceededLimit,
    assertAvailable() {
      const limit = exceededLimit();
      if (limit) throw new BudgetExceededError(limit, { ...totals });
    },
    charge(usage, costUsd) {
      totals.tokensIn += usage.inputTokens;
      totals.tokensOut += usage.outputTokens;
      totals.costUsd += costUsd;
      return { ...totals };
    },
  };
}
