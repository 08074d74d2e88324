// Plan edits in the approval gate: the offline checks are written again from the edited plan
// (no check for an old name remains), and what the editor did to checks stands.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";
import { rebuildChecksAfterEdit } from "./after-edit";

const compile = (prompt: string): TPlan => {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const text = (plan: TPlan) => JSON.stringify(plan.acceptanceChecks);

describe("rebuildChecksAfterEdit", () => {
  const bakery = compile("landing page for Rosie's Bakery with our menu and opening hours");
  const books = compile("reading list with title, author and a rating from 1 to 5");

  it.each([
    ["the app renamed", bakery, (p: TPlan): TPlan => ({ ...p, appName: "Rosie's Cakes", pages: p.pages.map((page) => ({ ...page, sections: page.sections?.map((s) => (s.type === "hero" ? { ...s, title: "Rosie's Cakes" } : s)) })) }), "Rosie's Bakery", "Rosie's Cakes"],
    [
      "a field relabelled",
      books,
      (p: TPlan): TPlan => ({ ...p, entities: p.entities.map((e) => ({ ...e, fields: e.fields.map((f) => (f.name === "author" ? { ...f, label: "Writer" } : f)) })) }),
      '"Author"',
      '"Writer"',
    ],
  ])("%s: no check keeps the old words", (_, plan, edit, oldWords, newWords) => {
    expect(text(plan)).toContain(oldWords);
    const rebuilt = rebuildChecksAfterEdit(plan, edit(plan));
    expect(text(rebuilt)).not.toContain(oldWords);
    expect(text(rebuilt)).toContain(newWords);
    expect(rebuilt.acceptanceChecks.map((c) => c.id)).toEqual(plan.acceptanceChecks.map((c) => c.id));
  });

  it("keeps the editor's removals, changes and own checks", () => {
    const [first, second, ...rest] = bakery.acceptanceChecks;
    const own = { id: "my-check", description: "Mentions sourdough", steps: [{ action: "goto" as const, path: "/" }, { action: "expectText" as const, text: "sourdough" }] };
    const changed = { ...second!, description: "Changed by hand" };
    const edited: TPlan = { ...bakery, appName: "Rosie's Cakes", acceptanceChecks: [changed, ...rest, own] };
    const rebuilt = rebuildChecksAfterEdit(bakery, edited);
    const ids = rebuilt.acceptanceChecks.map((c) => c.id);
    expect(ids).not.toContain(first!.id);
    expect(rebuilt.acceptanceChecks).toContainEqual(changed);
    expect(rebuilt.acceptanceChecks).toContainEqual(own);
    expect(ids).toHaveLength(bakery.acceptanceChecks.length);
  });

  it("changes nothing when nothing was edited", () => {
    expect(rebuildChecksAfterEdit(books, structuredClone(books))).toEqual(books);
  });
});
