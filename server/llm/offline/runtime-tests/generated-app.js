// The store and the pages import src/schema.js, which exists only in a generated app (the
// generator writes it per plan). Their tests therefore import them from a real app generated into
// a temp folder: its runtime modules are the files of ../runtime byte for byte (generateApp copies
// them; the golden test holds that), next to the schema.js and config.js of the test's plan.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compilePlan } from "../compile-plan";
import { generateApp } from "../generate-app";

// Inside the project (a git-ignored cache folder): Vitest's DOM environment loads modules only from
// under the project root.
const cacheDir = path.join(process.cwd(), "node_modules", ".cache", "epic-runtime-tests");

/** Writes the app generated for `prompt` (or a ready plan) and returns a way to import its modules. */
export function generatedApp(promptOrPlan) {
  const plan = typeof promptOrPlan === "string" ? compilePlan(promptOrPlan) : promptOrPlan;
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(path.join(cacheDir, "app-"));
  const files = generateApp(plan);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  return {
    plan,
    dir,
    /** The text of one of the app's files, e.g. "index.html". */
    file: (relPath) => files.find((f) => f.path === relPath)?.content,
    import: (relPath) => import(/* @vite-ignore */ path.join(dir, relPath)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
