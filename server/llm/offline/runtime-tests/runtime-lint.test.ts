// The runtime's lint rules fire: code that would break in a generated app fails `npm run lint`
// (which also lints the runtime files themselves).
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { runtimeDir } from "../read-runtime-file";

const eslint = new ESLint();

async function ruleIds(relPath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(runtimeDir, relPath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("lint rules of the generated-app runtime", () => {
  it("refuses Node globals, bare and extensionless imports in browser code", async () => {
    expect(await ruleIds("src/lib/x.js", "export const env = process.env.HOME;\n")).toContain("no-undef");
    expect(await ruleIds("src/lib/x.js", 'import { h } from "preact";\nexport { h };\n')).toContain("no-restricted-imports");
    expect(await ruleIds("src/lib/x.js", 'import { h } from "./dom";\nexport { h };\n')).toContain("no-restricted-imports");
    expect(await ruleIds("src/lib/x.js", 'import { h } from "./dom.js";\nexport { h };\n')).toEqual([]);
  });

  it("refuses HTML strings and eval, which the DOM builder and the preview CSP rule out", async () => {
    expect(await ruleIds("src/lib/x.js", "export function f(el, t) { el.innerHTML = t; }\n")).toContain("no-restricted-properties");
    expect(await ruleIds("src/lib/x.js", 'export const f = new Function("return 1");\n')).toContain("no-new-func");
    expect(await ruleIds("src/lib/x.js", 'export const v = eval("1");\n')).toContain("no-eval");
  });

  it("lets the app's Node files use node: built-ins and Node globals", async () => {
    expect(await ruleIds("scripts/x.js", 'import { readFile } from "node:fs/promises";\nexport const p = process.env.PORT;\nexport { readFile };\n')).toEqual([]);
    expect(await ruleIds("tests/x.test.js", 'import test from "vitest";\nexport { test };\n')).toContain("no-restricted-imports");
  });
});
