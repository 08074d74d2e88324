// Vitest runs in three projects, so `vitest --project unit` is a fast inner loop while
// `vitest run` (and npm test) still runs every file exactly once: each test file lands in one
// project, chosen from what it does rather than from a list that goes stale.
//
//   pipeline  runs things end to end: the agent pipeline, Inngest functions, the executor, or a
//             real browser (*.integration.test.*, server/pipeline/, inngest/, or code that starts one)
//   database  needs a database (PGlite, and PostgreSQL when it is reachable)
//   unit      the rest: pure logic, no database, no browser
//
// The rules live here rather than in scripts/lib: Vite's config loader wants a relative import
// with a .ts extension, which this project's TypeScript settings refuse.
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export const testProjectNames = ["unit", "database", "pipeline"] as const;
export type TestProjectName = (typeof testProjectNames)[number];

// The generated-app runtime's tests are plain JavaScript (they import its .js modules, which
// TypeScript here does not type); its node --test files (runtime/tests/) are not Vitest's.
const isTestFile = (file: string): boolean => /\.test\.(?:ts|tsx)$/.test(file) || /^server\/llm\/offline\/runtime-tests\/.+\.test\.js$/.test(file);
// Vitest's own excludes: dependencies anywhere, and these top-level folders.
const skippedTopLevel = new Set([".next", ".data", ".git", "e2e", "tools", "test-results", "playwright-report"]);

const pipelinePath = /(?:^|\/)[^/]+\.integration\.test\.[^/]+$|^server\/pipeline\/|^inngest\//;
// Starting the executor, a pipeline run or a browser: slow, and needs Chromium for most of them.
const pipelineCode = /\b(?:launchBrowser|launchChromium|waitForRun|tickEmbeddedExecutor|ensureEmbeddedExecutor|createExecutor|startExecutor|createExecutorTestApp)\b/;
const databaseCode = /\btesting\/test-database\b|\bcreateTestDatabase\b/;

export function classifyTestFile(file: string, content: string): TestProjectName {
  if (pipelinePath.test(file) || pipelineCode.test(content)) return "pipeline";
  if (databaseCode.test(content)) return "database";
  return "unit";
}

/** Test files under `root` (repository-relative, "/"-separated), in a stable order. */
export function listTestFiles(root: string, dir = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === "node_modules" || (!dir && skippedTopLevel.has(entry.name))) continue;
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listTestFiles(root, relative));
    else if (isTestFile(relative)) files.push(relative);
  }
  return files.sort();
}

/** A path as a glob that matches only itself (app/(dashboard)/… and [projectId] are glob syntax). */
export function literalGlob(file: string): string {
  return file.replace(/[()[\]{}*?!+@]/g, "\\$&");
}

/** Every test file under `root`, grouped by project. */
export function testFilesByProject(root: string): Record<TestProjectName, string[]> {
  const groups: Record<TestProjectName, string[]> = { unit: [], database: [], pipeline: [] };
  for (const file of listTestFiles(root)) groups[classifyTestFile(file, readFileSync(path.join(root, file), "utf8"))].push(file);
  return groups;
}

// How many files run at once: Vitest's default (one fewer than the cores) leaves a 2-core CI
// machine running one file at a time, with much of a pipeline file's time spent waiting (on
// Chromium, on servers, on a check's step timeout before it may fail). Two at least, then.
const maxWorkers = Math.max(2, availableParallelism() - 1);
// The Chromium block suites run their planted-bug cases concurrently (each in its own browser context on the
// file's one browser): at most this many at once per file, so a small machine is not buried
// under open pages and the checks' step timeouts still hold.
const pipelineConcurrency = 3;

const root = import.meta.dirname;
const filesByProject = testFilesByProject(root);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^~\//, replacement: `${path.resolve(root)}/` },
      // One graphql for everyone: Vite would give our code graphql's ESM build while the packages
      // that Node loads (yoga, Pothos) get its CommonJS one, and graphql refuses to mix the two.
      { find: /^graphql$/, replacement: path.resolve(root, "node_modules/graphql/index.js") },
    ],
  },
  test: {
    environment: "node",
    // Integration tests start PGlite (Wasm Postgres): give them room on small CI machines.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers,
    // Tests play scripts/serve.ts's part: a request's TCP peer is the x-epic-client-address they send.
    // ENCRYPTION_KEY: a throwaway key for secrets at rest, so tests never write DATA_DIR's key file.
    env: { NODE_ENV: "test", SKIP_ENV_VALIDATION: "", EPIC_STAMPS_PEER_ADDRESS: "1", ENCRYPTION_KEY: "7e57".repeat(16) },
    projects: testProjectNames.map((name) => ({
      extends: true as const,
      test: { name, include: filesByProject[name].map(literalGlob), ...(name === "pipeline" ? { maxConcurrency: pipelineConcurrency } : {}) },
    })),
  },
});
