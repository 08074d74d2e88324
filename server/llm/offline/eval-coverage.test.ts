// Coverage of the eval set (eval/cases.json): per prompt, which expected phrases a planned
// requirement's quote overlaps, and the phantom entities/pages (no requirementIds). Prints the
// table; asserts no phantoms and that coverage does not fall below what is handled today.
import { describe, expect, it } from "vitest";
import cases from "~/eval/cases.json";
import { compileAppPlan } from "./compile-app-plan";

const overlaps = (prompt: string, phrase: string, quote: string): boolean => {
  const a = prompt.indexOf(phrase);
  const b = prompt.indexOf(quote);
  return a >= 0 && b >= 0 && a < b + quote.length && b < a + phrase.length;
};

describe("eval coverage", () => {
  it("covers expected phrases with planned requirements and plans no phantoms", () => {
    let covered = 0;
    let expected = 0;
    const lines: string[] = [];
    for (const c of cases.prompts) {
      const result = compileAppPlan(c.prompt);
      expect(result.ok, c.id).toBe(true);
      if (!result.ok) continue;
      const plan = result.plan;
      const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
      const hits = c.expect.filter((e) => planned.some((r) => overlaps(c.prompt, e.phrase, r.quote)));
      const phantoms = [...plan.entities.filter((e) => !e.requirementIds?.length).map((e) => e.name), ...plan.pages.filter((p) => !p.requirementIds?.length).map((p) => p.path)];
      expect(phantoms, c.id).toEqual([]);
      covered += hits.length;
      expected += c.expect.length;
      const missing = c.expect.filter((e) => !hits.includes(e)).map((e) => e.phrase);
      lines.push(`${c.id.padEnd(24)} ${hits.length}/${c.expect.length}${missing.length ? `  missing: ${missing.join(" | ")}` : ""}`);
    }
    console.log([...lines, `TOTAL ${covered}/${expected}`].join("\n"));
    // The floor measured when this test was written; raise it as the compiler improves.
    expect(covered).toBeGreaterThanOrEqual(245);
  });
});
