import { describe, expect, it } from "vitest";
import { compileAppPlan } from "~/server/llm/offline";
import { ZStorage } from "~/server/plan/app-spec";
import type { TPlan } from "~/server/plan/plan-schema";
import { projectStorageKey, withStorage } from "./plan-storage";

function planOf(prompt: string, previous?: TPlan): TPlan {
  const compiled = compileAppPlan(prompt, previous ? { plan: previous, promptIndex: 1 } : {});
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.plan;
}

describe("plan storage", () => {
  it("is a valid key of the project's, the same every time and different per project", () => {
    const key = projectStorageKey("cmabc123project");
    expect(key).toMatch(/^p-[0-9a-f]{12}$/);
    expect(ZStorage.safeParse({ key, version: 1 }).success).toBe(true);
    expect(projectStorageKey("cmabc123project")).toBe(key);
    expect(projectStorageKey("cmabc123other")).not.toBe(key);
  });

  it("gives a first plan the project's key at version 1; a follow-up keeps it, and the compiler bumps it when the records change", () => {
    const first = withStorage(planOf("a todo app with due dates"), null, "project-1");
    expect(first.storage).toEqual({ key: projectStorageKey("project-1"), version: 1 });
    const restyled = withStorage(planOf("make it dark", first), first, "project-1");
    expect(restyled.storage).toEqual(first.storage);
    const reshaped = withStorage(planOf("add a notes field to tasks", first), first, "project-1");
    expect(reshaped.storage).toEqual({ key: first.storage!.key, version: 2 });
  });

  it("fills in a plan that came without storage (a model's) from the previous plan", () => {
    const previous = { ...planOf("a unit converter"), storage: { key: "p-aaaaaaaaaaaa", version: 3 } };
    const { storage: _dropped, ...fromModel } = planOf("a unit converter");
    expect(withStorage(fromModel, previous, "project-2").storage).toEqual({ key: "p-aaaaaaaaaaaa", version: 3 });
  });
});
