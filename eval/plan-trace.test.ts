// The eval's phantom measure: a part of the plan no planned requirement asks for, and nothing
// asked for needs, is counted, named and shown; and no plan of the committed prompts has one.
import { describe, expect, it } from "vitest";
import { compileAppPlan } from "~/server/llm/offline";
import type { TPlan } from "~/server/plan/plan-schema";
import cases from "./cases.json";
import heldout from "./heldout.json";
import { tracePlan } from "./plan-trace";

function planOf(prompt: string): TPlan {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe("tracePlan", () => {
  it("traces each entity and page to the prompt's words, and what a traced entity names is needed by it", () => {
    const plan = planOf("a library for our community: members borrow books, each loan has a due date; show overdue loans");
    const trace = tracePlan(plan);
    expect(trace.phantoms).toEqual([]);
    const loan = trace.parts.find((part) => part.kind === "entity" && part.name === "Loan")!;
    expect(loan.quotes.length).toBeGreaterThan(0);
    for (const quote of loan.quotes) expect(plan.requirements!.some((r) => r.quote === quote)).toBe(true);
  });

  it("counts an entity, and the page that shows it, that nothing asks for — and frees an entity a traced one belongs to", () => {
    const plan = planOf("a todo list with due dates");
    const task = plan.entities[0]!;
    const phantom = { ...task, name: "Movie", pluralLabel: "Movies", requirementIds: [], fields: task.fields.map((field) => ({ ...field, requirementIds: [] })), computed: undefined, actions: undefined };
    const withPhantom: TPlan = {
      ...plan,
      entities: [...plan.entities, phantom],
      pages: [...plan.pages, { path: "/movies", title: "Movies", purpose: "Movies", sections: [{ type: "records", entity: "Movie" } as never], requirementIds: [] }],
    };
    expect(tracePlan(withPhantom).phantoms).toEqual(["entity Movie", "page /movies"]);

    const needed: TPlan = { ...withPhantom, entities: [{ ...task, belongsTo: ["Movie"] }, phantom] };
    const trace = tracePlan(needed);
    expect(trace.phantoms).toEqual([]);
    expect(trace.parts.find((part) => part.name === "Movie")).toMatchObject({ quotes: [], neededBy: `entity ${task.name}` });
    expect(trace.parts.find((part) => part.name === "/movies")).toMatchObject({ neededBy: "entity Movie" });
  });

  it("does not count an unsupported requirement as a reason for a part", () => {
    const plan = planOf("a todo list with due dates");
    const unsupported: TPlan = { ...plan, requirements: plan.requirements!.map((r) => ({ ...r, status: "unsupported" as const, reason: "test" })) };
    expect(tracePlan(unsupported).phantoms.length).toBe(plan.entities.length + plan.pages.length);
  });

  it("counts a page of notices as traced only when it reports unsupported requirements", () => {
    const notBuilt = planOf("something that helps me with quantum entanglement experiments");
    expect(notBuilt.pages.map((page) => (page.sections ?? []).map((section) => section.type))).toEqual([["notice"]]);
    const trace = tracePlan(notBuilt);
    expect(trace.phantoms).toEqual([]);
    expect(trace.parts.find((part) => part.name === "/")).toMatchObject({ neededBy: "the unsupported requirements it reports" });

    const untied: TPlan = { ...notBuilt, pages: notBuilt.pages.map((page) => ({ ...page, sections: (page.sections ?? []).map((section) => ({ ...section, requirementIds: [] })) })) };
    expect(tracePlan(untied).phantoms).toEqual(["page /"]);
  });
});

describe("the committed prompts' plans", () => {
  const prompts = [...cases.prompts, ...heldout.prompts] as Array<{ id: string; prompt: string }>;
  it.each(prompts.map((item) => [item.id, item.prompt]))("%s has no phantom entity or page", (_id, prompt) => {
    expect(tracePlan(planOf(prompt)).phantoms).toEqual([]);
  });
});
