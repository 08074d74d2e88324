import { describe, expect, it } from "vitest";
import type { TAcceptanceCheck } from "~/server/plan/plan-schema";
import { fingerprintApp, fingerprintCheck } from "./check-fingerprint";

const files = [
  { path: "index.html", content: "<!doctype html><h1>Todos</h1>" },
  { path: "app.js", content: "console.log('todos')" },
];
const check: TAcceptanceCheck = {
  id: "add-todo",
  description: "a todo can be added",
  requirementIds: ["R1"],
  steps: [
    { action: "goto", path: "/" },
    { action: "fill", label: "New todo", value: "Milk" },
    { action: "expectText", text: "Milk" },
  ],
};

describe("fingerprintApp / fingerprintCheck", () => {
  it("is the same for the same files in another order, and for text and bytes of the same content", () => {
    const app = fingerprintApp(files);
    expect(fingerprintApp([...files].reverse())).toBe(app);
    expect(fingerprintApp(files.map((file) => ({ path: file.path, content: new TextEncoder().encode(file.content) })))).toBe(app);
  });

  it("changes when a file's content, a path, or the set of files changes", () => {
    const app = fingerprintApp(files);
    expect(fingerprintApp([files[0]!, { ...files[1]!, content: "console.log('todo')" }])).not.toBe(app);
    expect(fingerprintApp([files[0]!, { ...files[1]!, path: "main.js" }])).not.toBe(app);
    expect(fingerprintApp([...files, { path: "style.css", content: "" }])).not.toBe(app);
    expect(fingerprintApp([files[0]!])).not.toBe(app);
  });

  it("changes with the check's steps, id or app, not with the order of its keys (a jsonb round trip)", () => {
    const app = fingerprintApp(files);
    const print = fingerprintCheck(check, app);
    const reordered = JSON.parse(JSON.stringify({ steps: check.steps.map((step) => Object.fromEntries(Object.entries(step).reverse())), requirementIds: check.requirementIds, description: check.description, id: check.id })) as TAcceptanceCheck;
    expect(fingerprintCheck(reordered, app)).toBe(print);
    expect(fingerprintCheck({ ...check, steps: [...check.steps.slice(0, 2), { action: "expectText", text: "Bread" }] } as TAcceptanceCheck, app)).not.toBe(print);
    expect(fingerprintCheck({ ...check, id: "add-todo-2" }, app)).not.toBe(print);
    expect(fingerprintCheck(check, fingerprintApp([files[0]!, { ...files[1]!, content: "" }]))).not.toBe(print);
  });
});
