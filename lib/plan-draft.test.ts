import { describe, expect, it } from "vitest";
import { compilePlan } from "~/server/llm/offline/compile-plan";
import { checkPlanDraft } from "./plan-draft";

describe("checkPlanDraft", () => {
  const plan = compilePlan("A todo app with due dates");

  it("accepts an edited plan and returns it parsed", () => {
    const edited = { ...plan, appName: "Chores", features: [...plan.features, "Dark mode toggle"] };
    const result = checkPlanDraft(JSON.stringify(edited));
    expect(result).toMatchObject({ ok: true, plan: { appName: "Chores" } });
    expect(result.ok && result.plan.features).toContain("Dark mode toggle");
  });

  it("explains broken JSON instead of throwing", () => {
    const result = checkPlanDraft("{ not json");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^Not valid JSON/);
  });

  it("names the field that breaks the schema", () => {
    const result = checkPlanDraft(JSON.stringify({ ...plan, appName: "", pages: [] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join("\n")).toMatch(/appName/);
    expect(!result.ok && result.problems.join("\n")).toMatch(/pages/);
  });
});
