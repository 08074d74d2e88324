// The Vitest projects (vitest.config.ts): every test file in exactly one, each in the right one.
import { describe, expect, it } from "vitest";
import { classifyTestFile, listTestFiles, testFilesByProject } from "../vitest.config";

const root = new URL("..", import.meta.url).pathname;
// Built from pieces so this file's own text does not look like a database or browser test.
const importing = (name: string, from: string) => `import { ${name} } from "${from}";\n`;

describe("Vitest projects", () => {
  it("puts end-to-end, database and pure tests in pipeline, database and unit", () => {
    expect(classifyTestFile("server/pipeline/pipeline.test.ts", "")).toBe("pipeline");
    expect(classifyTestFile("inngest/serve-handler.test.ts", "")).toBe("pipeline");
    expect(classifyTestFile("server/agents/qa/run-step.integration.test.ts", "")).toBe("pipeline");
    expect(classifyTestFile("server/browser/launch.test.ts", importing("launch" + "Browser", "./launch-browser"))).toBe("pipeline");
    // A database test that also drives the executor is a pipeline test.
    const both = importing("create" + "TestDatabase", "../testing/test-" + "database") + importing("create" + "ExecutorTestApp", "./testing");
    expect(classifyTestFile("server/executor/executor.test.ts", both)).toBe("pipeline");
    expect(classifyTestFile("server/runs/run-lifecycle.test.ts", importing("create" + "TestDatabase", "../testing/test-" + "database"))).toBe("database");
    expect(classifyTestFile("lib/format.test.ts", importing("formatBytes", "./format"))).toBe("unit");
  });

  it("gives every test file exactly one project", () => {
    const groups = testFilesByProject(root);
    const grouped = [...groups.unit, ...groups.database, ...groups.pipeline].sort();
    expect(grouped).toEqual(listTestFiles(root));
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(groups.unit).toContain("scripts/vitest-projects.test.ts");
    expect(groups.unit).toContain("server/llm/offline/runtime-tests/engine-store.test.js");
    expect(groups.database).toContain("server/api/routers/project.test.ts");
    expect(groups.pipeline).toContain("server/pipeline/pipeline.test.ts");
    // Not Vitest's: the generated app's own node --test files, and the Playwright specs.
    expect(grouped.some((file) => file.startsWith("server/llm/offline/runtime/tests/") || file.startsWith("e2e/"))).toBe(false);
  });
});
