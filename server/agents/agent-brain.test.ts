// The offline brain without a browser: what it plans, how the file agents split the app, what its
// repair can and cannot do, and how a prompt it cannot plan fails. (In Chromium, through the QA
// agent: qa/generated-apps.integration.test.ts.)
import { describe, expect, it } from "vitest";
import { PlanCompileError } from "~/server/llm";
import { generateAppFiles } from "~/server/llm/offline";
import { fileAgentNames } from "~/server/plan/agent-names";
import { createOfflineBrain } from "./agent-brain";

const brain = createOfflineBrain();
const prompt = "landing page for Rosie's Bakery with our menu and opening hours";

describe("the offline brain", () => {
  it("plans with the building-block compiler, free and in one attempt", async () => {
    const result = await brain.compilePlan({ prompt });
    expect(result).toMatchObject({ usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 });
    expect(result.value.pages[0]?.sections?.map((section) => section.type)).toEqual(["hero", "menu", "hours"]);
    expect(result.value.requirements?.every((requirement) => requirement.promptIndex === 0 && prompt.includes(requirement.quote))).toBe(true);
  });

  it("numbers a follow-up's requirements with the prompt index it is given", async () => {
    const first = (await brain.compilePlan({ prompt })).value;
    const second = (await brain.compilePlan({ prompt: "make it dark", previousPlan: first, promptIndex: 3 })).value;
    expect(second.requirements?.filter((requirement) => requirement.promptIndex === 3).map((requirement) => requirement.quote)).toEqual(["dark"]);
  });

  it("splits the app between CodeGen, DB and Infra with no file written twice", async () => {
    const plan = (await brain.compilePlan({ prompt })).value;
    const sets = await Promise.all(fileAgentNames.map((agent) => brain.writeFiles({ agent, plan })));
    const paths = sets.flatMap((set) => set.value.files.map((file) => file.path));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual(generateAppFiles(plan).map((file) => file.path).sort());
    expect(sets[0]!.value.files.map((file) => file.path)).toContain("src/sections/menu.js");
    expect(sets[2]!.value.files.map((file) => file.path)).toContain("package.json");
  });

  it("repairs by regenerating only what differs from the plan, and says so when nothing does", async () => {
    const plan = (await brain.compilePlan({ prompt })).value;
    const files = generateAppFiles(plan);
    const edited = files.map((file) => (file.path === "src/spec.js" ? { ...file, content: "export const spec = {};\n" } : file));
    const repaired = (await brain.repairFiles({ plan, files: edited, failures: [{ checkId: "menu-menu", message: "no menu" }] })).value;
    expect(repaired.files.map((file) => file.path)).toEqual(["src/spec.js"]);
    expect(repaired.summary).toMatch(/^Regenerated 1 file\(s\) that differed from what the plan generates \(src\/spec\.js\)/);
    const nothing = (await brain.repairFiles({ plan, files, failures: [{ checkId: "menu-menu", message: "no menu" }] })).value;
    expect(nothing.files).toEqual([]);
    expect(nothing.summary).toMatch(/same checks will fail again/);
  });

  it("fails a prompt it cannot plan with the reason, as an error no retry can fix", async () => {
    await expect(brain.compilePlan({ prompt: "   " })).rejects.toThrow(PlanCompileError);
    await expect(brain.compilePlan({ prompt: "   " })).rejects.toThrow(/The prompt is empty/);
  });
});
