import { describe, expect, it } from "vitest";
import { BudgetExceededError } from "./errors";
import { createRunBudget } from "./run-budget";

describe("createRunBudget", () => {
  it("never limits a run without limits", () => {
    const budget = createRunBudget();
    budget.charge({ inputTokens: 10_000_000, outputTokens: 10_000_000 }, 1_000);
    expect(() => budget.assertAvailable()).not.toThrow();
    expect(budget.totals).toEqual({ tokensIn: 10_000_000, tokensOut: 10_000_000, costUsd: 1_000 });
  });

  it("keeps the reply that crosses a limit and refuses the next call", () => {
    const budget = createRunBudget({ maxTokens: 1_000 });
    budget.assertAvailable();
    expect(budget.charge({ inputTokens: 600, outputTokens: 500 }, 0)).toEqual({ tokensIn: 600, tokensOut: 500, costUsd: 0 });
    expect(budget.exceededLimit()).toEqual({ kind: "tokens", max: 1_000 });
    expect(() => budget.assertAvailable()).toThrow(BudgetExceededError);
  });

  it("resumes from persisted Run totals (a replayed durable run)", () => {
    const run = { tokensIn: 4_000, tokensOut: 900, costUsd: 0.0123 };
    const budget = createRunBudget({ maxTokens: null, maxUsd: 0.02, spent: run });
    budget.assertAvailable();
    budget.charge({ inputTokens: 100, outputTokens: 100 }, 0.008);
    try {
      budget.assertAvailable();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BudgetExceededError);
      const exceeded = error as BudgetExceededError;
      expect(exceeded.limit).toEqual({ kind: "usd", max: 0.02 });
      expect(exceeded.totals).toEqual({ tokensIn: 4_100, tokensOut: 1_000, costUsd: expect.closeTo(0.0203, 10) });
      expect(exceeded.message).toBe("Run budget exceeded: $0.0203 used of a $0.02 limit.");
    }
    // Totals are copies: callers cannot corrupt the ledger.
    budget.totals.tokensIn = 0;
    expect(budget.totals.tokensIn).toBe(4_100);
  });
});
