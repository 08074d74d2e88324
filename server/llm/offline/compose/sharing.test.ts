// Asks for data shared between devices, table-driven: each phrasing becomes a planned interaction
// requirement quoting its words, turns the plan's sharing on and gets the two-device check; other
// prompts (one device, a connection to another service) leave sharing off.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";

const compile = (prompt: string): TPlan => {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};

const shared: Array<[prompt: string, quote: string]> = [
  ["shared grocery list that syncs between me and my partner's phones instantly, with aisles so we can shop faster", "syncs between me and my partner's phones instantly"],
  ["a chore list shared with my family", "shared with my family"],
  ["track my books, synced across our phones", "synced across our phones"],
  ["a todo list that syncs between my laptop and my phone", "syncs between my laptop and my phone"],
  ["a reading list shared between me and my flatmates", "shared between me and my flatmates"],
  ["track team tasks, everyone sees the same list", "everyone sees the same list"],
  ["a guest list for the wedding that updates in real time between our devices", "real time between our devices"],
  ["a shopping list we share with the whole household", "share with the whole household"],
];

const notShared: string[] = [
  "grocery list with aisles",
  "a todo app with due dates and priorities",
  "sync my workouts with google calendar",
  "track my stock portfolio with live stock prices",
];

describe("sharing between devices", () => {
  it.each(shared)("%s → shared «%s»", (prompt, quote) => {
    const plan = compile(prompt);
    const found = plan.requirements?.find((r) => r.kind === "interaction" && r.status === "planned" && r.quote.includes(quote));
    expect(found, JSON.stringify(plan.requirements?.map((r) => [r.kind, r.status, r.quote]))).toBeDefined();
    expect(plan.sharing?.requirementIds).toContain(found!.id);
    const check = plan.acceptanceChecks.find((c) => c.id === "shared-between-devices");
    expect(check?.requirementIds).toContain(found!.id);
    expect(check?.steps.filter((s) => s.action === "device").length).toBeGreaterThanOrEqual(3);
  });

  it.each(notShared)("%s → not shared", (prompt) => {
    const plan = compile(prompt);
    expect(plan.sharing).toBeUndefined();
    expect(plan.acceptanceChecks.some((c) => c.id === "shared-between-devices")).toBe(false);
  });

  it("says it cannot share when the app keeps no records", () => {
    const plan = compile("a tip calculator, synced across our phones");
    expect(plan.sharing).toBeUndefined();
    const ask = plan.requirements?.find((r) => r.quote.includes("synced across our phones"));
    expect(ask?.status).toBe("unsupported");
    expect(ask?.reason).toMatch(/no records/);
  });

  it("keeps sharing on through a follow-up", () => {
    const first = compile("a chore list shared with my family");
    const result = compileAppPlan("add a due date to chores", { plan: first, promptIndex: 1 });
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.sharing).toEqual(first.sharing);
  });
});
