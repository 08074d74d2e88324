// The content check generators on real compiled plans and on edge cases: every planned
// requirement of a content section gets a check (or is honestly left unverified), the checks ask
// what round 1 really asks, and long quizzes stay within a check's step limit.
import { describe, expect, it } from "vitest";
import { ZPlan, type TPlan, type TPlanInput } from "~/server/plan/plan-schema";
import cases from "~/eval/cases.json";
import { datasetQuestions } from "~/server/llm/offline/runtime/src/content/questions.js";
import { datasets } from "~/server/llm/offline/runtime/src/data/index.js";
import { buildAcceptanceChecks } from "../../checks/index";
import { compileAppPlan } from "../../compile-app-plan";

const promptOf = (id: string) => (cases as { prompts: { id: string; prompt: string }[] }).prompts.find((c) => c.id === id)!.prompt;
function compiled(prompt: string): TPlan {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}
const checked = (plan: TPlan) => new Set(plan.acceptanceChecks.flatMap((c) => c.requirementIds ?? []));
const check = (plan: TPlan, id: string) => plan.acceptanceChecks.find((c) => c.id === id)!;

function planWith(sections: NonNullable<TPlanInput["pages"][number]["sections"]>, requirements: NonNullable<TPlanInput["requirements"]>): TPlan {
  const base = ZPlan.parse({ appName: "Test", summary: "Test", kind: "content", theme: {}, requirements, entities: [], features: [], pages: [{ path: "/", title: "Home", purpose: "Home", sections }], tasks: [{ id: "build", agent: "CodeGen", description: "Build" }], acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }] });
  return ZPlan.parse({ ...base, acceptanceChecks: buildAcceptanceChecks(base) });
}

describe("content checks on the eval prompts", () => {
  const ids = ["europe-capitals-quiz", "times-table-kids", "spanish-flashcards", "unit-converter", "tip-split", "bmi-calculator", "mortgage-calculator", "word-counter", "password-generator", "recipe-scaler", "pomodoro-timer", "currency-live-rates"];

  it.each(ids)("%s: every planned requirement is checked", (id) => {
    const plan = compiled(promptOf(id));
    const missing = (plan.requirements ?? []).filter((r) => r.status === "planned" && !checked(plan).has(r.id)).map((r) => r.quote);
    expect(missing).toEqual([]);
    for (const c of plan.acceptanceChecks) expect(c.steps.length).toBeLessThanOrEqual(60);
  });

  it("plays exactly round 1 of the Europe quiz and expects 3 / 10", () => {
    const plan = compiled(promptOf("europe-capitals-quiz"));
    const round = datasetQuestions(datasets["europe-capitals"]!, 10, 1);
    const score = check(plan, "quiz-european-capitals-quiz-score");
    expect(score.requirementIds).toEqual(["r3"]);
    const prompts = check(plan, "quiz-european-capitals-quiz-right-answers").steps.filter((s) => s.action === "expectText" && s.text.endsWith("?")).map((s) => (s as { text: string }).text);
    expect(prompts).toEqual(round.map((q) => q.prompt));
    expect(score.steps.filter((s) => s.action === "expectText" && /^Question \d+ of 10$/.test(s.text)).map((s) => (s as { text: string }).text)).toEqual(["Question 1 of 10", "Question 10 of 10", "Question 1 of 10"]);
    const clicked = score.steps.filter((s) => s.action === "click" && s.role === "button" && !/question|score|again/i.test(s.name)).map((s) => (s as { name: string }).name);
    expect(clicked.slice(0, 3)).toEqual(round.slice(0, 3).map((q) => q.answer));
    clicked.slice(3).forEach((name, i) => expect(name).not.toBe(round[i + 3]!.answer));
    expect(score.steps).toContainEqual({ action: "expectValue", label: "Score", value: "3 / 10", within: "European capitals quiz" });
  });

  it("asks for 7 stars from the 7 times table and the tables 2 to 12", () => {
    const plan = compiled(promptOf("times-table-kids"));
    const round = check(plan, "quiz-times-tables-score");
    // r2 is the look asked by "for my 7 year old".
    expect(round.requirementIds?.sort()).toEqual(["r5", "r6", "r7"]);
    expect(round.steps[1]).toEqual({ action: "click", role: "button", name: "7 times table", within: "Times tables" });
    expect(round.steps.filter((s) => s.action === "expectText" && / = \?$/.test(s.text)).every((s) => (s as { text: string }).text.startsWith("7 × "))).toBe(true);
    expect(round.steps).toContainEqual({ action: "expectText", text: "7 stars", within: "Times tables" });
    expect(check(plan, "quiz-times-tables-tables-offered").requirementIds).toEqual(["r4"]);
  });

  it("converts each named pair both ways", () => {
    const plan = compiled(promptOf("unit-converter"));
    expect(plan.acceptanceChecks.map((c) => [c.id, c.requirementIds])).toEqual([
      ["app-loads", undefined],
      ["convert-km-mi", ["r1", "r2"]],
      ["convert-mi-km", ["r5"]],
      ["convert-kg-lb", ["r3"]],
      ["convert-lb-kg", ["r5"]],
      ["convert-c-f", ["r4"]],
      ["convert-f-c", ["r5"]],
    ]);
    expect(check(plan, "convert-km-mi").steps).toEqual([
      { action: "goto", path: "/" },
      { action: "fill", label: "Kilometres (km)", value: "10", within: "Kilometres and miles" },
      { action: "expectValue", label: "Miles (mi)", value: "6.21", within: "Kilometres and miles" },
    ]);
  });

  it("runs the pomodoro on a fake clock, from a fixed morning", () => {
    const plan = compiled(promptOf("pomodoro-timer"));
    const long = check(plan, "pomodoro-long-break");
    expect(long.steps[0]).toEqual({ action: "clock", at: "2026-03-10T09:00" });
    expect(long.steps.filter((s) => s.action === "advanceClock").length).toBeGreaterThanOrEqual(8);
    expect(long.steps).toContainEqual({ action: "expectValue", label: "Time left", value: "15:00", within: "Pomodoro" });
  });
});

describe("content checks at the edges", () => {
  const planned = (id: string, kind: "interaction" | "computed" | "content", quote: string) => ({ id, kind, text: quote, quote, promptIndex: 0, status: "planned" as const });

  it("keeps a 50-question typed quiz within 60 steps and leaves its score unverified", () => {
    const plan = planWith(
      [{ type: "quiz", title: "Tables", source: { kind: "times-table", tables: [3], pickTable: false, questions: 50 }, score: "fraction", requirementIds: ["r1", "r2"] }],
      [planned("r1", "interaction", "times table quiz"), planned("r2", "computed", "score at the end")],
    );
    expect(plan.acceptanceChecks.map((c) => [c.id, c.requirementIds])).toEqual([["app-loads", undefined], ["quiz-tables-one-at-a-time", ["r1"]]]);
  });

  it("gives an unknown data set or tool no checks rather than wrong ones", () => {
    const plan = planWith(
      [
        { type: "quiz", title: "Rivers", source: { kind: "dataset", dataset: "world-rivers" }, requirementIds: ["r1"] },
        { type: "tool", title: "Flux", tool: "flux-capacitor", config: {}, requirementIds: ["r2"] },
      ],
      [planned("r1", "interaction", "rivers quiz"), planned("r2", "computed", "flux")],
    );
    expect(plan.acceptanceChecks.map((c) => c.id)).toEqual(["app-loads"]);
  });

  it("counts down to an exact date-time from 11 days before", () => {
    const plan = planWith([{ type: "timer", title: "Launch", mode: "countdown", target: "2027-01-15T18:30", requirementIds: ["r1"] }], [planned("r1", "computed", "countdown")]);
    const counts = check(plan, "countdown-days-left");
    expect(counts.steps[0]).toEqual({ action: "clock", at: "2027-01-04T08:59:30" });
    expect(counts.steps).toContainEqual({ action: "expectValue", label: "Hours", value: "9", within: "Launch" });
    expect(counts.steps).toContainEqual({ action: "expectText", text: "Friday 15 January 2027", within: "Launch" });
  });
});
