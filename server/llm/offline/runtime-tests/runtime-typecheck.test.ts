// The runtime type-checks (runtime/tsconfig.json: checkJs over the shipped JavaScript, against the
// contracts in src/spec.d.ts and src/engine/*.d.ts). Also `npm run typecheck`; this test is what
// makes CI, which runs `npm test`, hold it.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { runtimeDir } from "../read-runtime-file";

describe("the generated-app runtime", () => {
  it("type-checks", () => {
    const { config, error } = ts.readConfigFile(path.join(runtimeDir, "tsconfig.json"), ts.sys.readFile);
    expect(error).toBeUndefined();
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, runtimeDir);
    expect(parsed.errors).toEqual([]);
    expect(parsed.fileNames.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(20);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${path.relative(runtimeDir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
    expect(problems).toEqual([]);
  });
});
