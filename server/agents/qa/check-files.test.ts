// QA's static checks of a file set: references between modules, seen as a browser loads them.
import { describe, expect, it } from "vitest";
import { checkFiles } from "./check-files";

const app = (main: string) => [
  { path: "index.html", content: '<!doctype html><html><head><script type="module" src="./src/main.js"></script></head><body></body></html>' },
  { path: "src/main.js", content: main },
  { path: "src/data.js", content: "export const data = 1;\n" },
];

describe("checkFiles", () => {
  it("finds a dynamic import of a file that is not there", async () => {
    expect(await checkFiles(app('export const load = () => import("./missing.js");\n'))).toEqual(["src/main.js: imports missing file ./missing.js"]);
    expect(await checkFiles(app('export const load = () => import("./data.js");\n'))).toEqual([]);
  });

  it("does not take JSDoc types in comments for imports", async () => {
    const main = ['/** @typedef {import("./types").Spec} Spec */', "// import(\"./notes.js\") would load the notes", "/** @param {import('./types').Spec} spec */", "export function run(spec) { return spec; }", ""].join("\n");
    expect(await checkFiles(app(main))).toEqual([]);
  });
});
