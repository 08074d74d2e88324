import { describe, expect, it } from "vitest";
import { evaluateKeyExpression, matchesExpression } from "./evaluate-expression";

describe("matchesExpression", () => {
  const context = { event: { data: { runId: "r1", count: 2 } }, async: { data: { runId: "r1", isApproved: true } } };

  it("evaluates the CEL that `match` and `if` produce", () => {
    expect(matchesExpression("event.data.runId == async.data.runId", context)).toBe(true);
    expect(matchesExpression("async.data.isApproved && event.data.count > 1", context)).toBe(true);
    expect(matchesExpression("async.data.isApproved == false", context)).toBe(false);
  });

  it("treats a missing field or a broken expression as no match", () => {
    expect(matchesExpression("async.data.missing == 'x'", context)).toBe(false);
    expect(matchesExpression("event.data.(", context)).toBe(false);
  });
});

describe("evaluateKeyExpression", () => {
  it("turns the value into a key string", () => {
    expect(evaluateKeyExpression("event.data.group", { event: { data: { group: "g1" } } })).toBe("g1");
    expect(evaluateKeyExpression("event.data.n", { event: { data: { n: 3 } } })).toBe("3");
    expect(evaluateKeyExpression("event.data.missing", { event: { data: {} } })).toBeNull();
  });
});
