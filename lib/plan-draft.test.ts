import { describe, expect, it } from "vitest";
import { compileAppPlan } from "~/server/llm/offline/compile-app-plan";
import { checkPlanDraft } from "./plan-draft";

describe("checkPlanDraft", () => {
  const compiled = compileAppPlan("landing page for Rosie's Bakery with our menu and opening hours");
  if (!compiled.ok) throw new Error(compiled.error);
  const plan = compiled.plan;

  it("accepts an edited plan and returns it parsed", () => {
    const edited = { ...plan, appName: "Rosie's Bakehouse", features: [...plan.features, "Dark mode toggle"] };
    const result = checkPlanDraft(JSON.stringify(edited));
    expect(result).toMatchObject({ ok: true, plan: { appName: "Rosie's Bakehouse" } });
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
