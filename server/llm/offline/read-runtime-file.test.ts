import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRuntimeFile, runtimeDir } from "./read-runtime-file";

describe("readRuntimeFile", () => {
  it("reads a runtime file by its path in the generated app", () => {
    expect(readRuntimeFile("src/engine/app.js")).toBe(readFileSync(path.join(runtimeDir, "src", "engine", "app.js"), "utf8"));
    expect(readRuntimeFile("src/engine/app.js")).toContain("export function startApp");
  });

  it("refuses paths outside the runtime folder", () => {
    expect(() => readRuntimeFile("../compile-app-plan.ts")).toThrow("Not a runtime file");
    expect(() => readRuntimeFile("/etc/passwd")).toThrow("Not a runtime file");
  });

  it("names the file it could not read", () => {
    expect(() => readRuntimeFile("src/missing.js")).toThrow(/runtime file .*src\/missing\.js/);
  });
});
