// QA's checks of the deploy targets' configs: the Infra agent's configs pass; a broken or
// contradicting one is reported with what is wrong.
import { describe, expect, it } from "vitest";
import { generateAppFiles } from "~/server/llm/offline";
import { compileAppPlan } from "~/server/llm/offline/compile-app-plan";
import type { TGeneratedFile } from "~/server/plan/plan-schema";
import { deployConfigProblems, parseJsonc } from "./check-deploy-configs";

const compiled = compileAppPlan("A bakery website with a menu and opening hours");
if (!compiled.ok) throw new Error(compiled.error);
const siteName = "bakery-abcd1234";
const app = generateAppFiles(compiled.plan, { targets: ["preview", "vercel", "cloudflare", "s3"], siteName });

/** The app's files with some replaced (content `null`: removed). */
function withFiles(changes: Record<string, string | null>): Map<string, TGeneratedFile> {
  const files = new Map(app.map((file) => [file.path, file]));
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) files.delete(path);
    else files.set(path, { path, content });
  }
  return files;
}
const contentOf = (path: string) => app.find((file) => file.path === path)!.content;

describe("parseJsonc", () => {
  it("reads comments and trailing commas, but not inside strings", () => {
    expect(parseJsonc('// top\n{ "a": "x // y", /* b */ "b": [1, 2,], "c": "/* z */",\n}')).toEqual({ a: "x // y", b: [1, 2], c: "/* z */" });
    expect(() => parseJsonc('{ "a": 1 /* open')).toThrow(/unterminated/);
  });
});

describe("deployConfigProblems", () => {
  it("finds nothing wrong with the Infra agent's configs", () => {
    expect(deployConfigProblems(withFiles({}))).toEqual([]);
  });

  it("reports a vercel.json that caches pages or rewrites to a missing file", () => {
    const config = JSON.parse(contentOf("vercel.json"));
    config.headers = config.headers.filter((rule: { source: string }) => !/html|^\/$/.test(rule.source));
    config.headers.push({ source: "/(.*\\.html)", headers: [{ key: "Cache-Control", value: "max-age=3600" }] });
    config.rewrites = [{ source: "/(.*)", destination: "/app.html" }];
    expect(deployConfigProblems(withFiles({ "vercel.json": JSON.stringify(config) }))).toEqual([
      'vercel.json: pages must be sent with Cache-Control: no-cache (a header rule for "/" and .html), as the deploy does',
      'vercel.json: Cache-Control "max-age=3600" is not one the deploy applies (no-cache | public, max-age=31536000, immutable | public, max-age=300, must-revalidate)',
      "vercel.json: rewrite destination /app.html is not a file of the app",
    ]);
  });

  it("reports a wrangler.jsonc that does not parse, or whose assets folder is not the app's", () => {
    expect(deployConfigProblems(withFiles({ "wrangler.jsonc": '{ "name": "x", ' }))).toEqual([expect.stringMatching(/^wrangler\.jsonc: does not parse as JSONC/)]);
    const wrong = `// edited\n{ "name": "${siteName}", "compatibility_date": "2025-06-01", "assets": { "directory": "./dist", "not_found_handling": "404-page", "html_handling": "auto-trailing-slash", }, }`;
    expect(deployConfigProblems(withFiles({ "wrangler.jsonc": wrong }))).toEqual([
      "wrangler.jsonc: assets.directory ./dist is not a folder of the app",
      'wrangler.jsonc: assets.not_found_handling must be "single-page-application", as the deploy sets it',
    ]);
    expect(deployConfigProblems(withFiles({ "wrangler.jsonc": wrong.replace("./dist", "src") }))).toContain("wrangler.jsonc: assets.directory src has no index.html");
    expect(deployConfigProblems(withFiles({ "wrangler.jsonc": wrong.replace("./dist", "../") }))).toContain("wrangler.jsonc: assets.directory ../ is outside the app");
  });

  it("reports an S3 note whose website configuration is broken or names no page", () => {
    const note = contentOf("deploy/s3.md");
    expect(deployConfigProblems(withFiles({ "deploy/s3.md": note.replace('"IndexDocument"', "IndexDocument") }))).toEqual([expect.stringMatching(/^deploy\/s3\.md: the website configuration is not valid JSON/)]);
    expect(deployConfigProblems(withFiles({ "deploy/s3.md": note.replaceAll("index.html", "home.html").replace("immutable", "") }))).toEqual([
      "deploy/s3.md: IndexDocument.Suffix must be a page of the app (index.html)",
      "deploy/s3.md: ErrorDocument.Key must be <prefix>/ and a page of the app, so deep links load it",
      "deploy/s3.md: does not say which files get Cache-Control: public, max-age=31536000, immutable",
    ]);
  });

  it("reports a CI workflow that does not run the app's tests, or runs a test script that is not there", () => {
    const ci = contentOf(".github/workflows/ci.yml");
    const untested = ci.replace("run: npm test", "run: echo ok");
    expect(deployConfigProblems(withFiles({ ".github/workflows/ci.yml": untested }))).toEqual([
      ".github/workflows/ci.yml: no workflow runs the app's tests (a step with `run: npm test`)",
    ]);
    // Another workflow that does run them (a multi-line run block, another package manager) is enough.
    const tests = "name: Tests\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          pnpm install\n          pnpm test\n";
    expect(deployConfigProblems(withFiles({ ".github/workflows/ci.yml": untested, ".github/workflows/tests.yaml": tests }))).toEqual([]);
    const pkg = JSON.parse(contentOf("package.json"));
    delete pkg.scripts.test;
    expect(deployConfigProblems(withFiles({ "package.json": JSON.stringify(pkg) }))).toEqual(['.github/workflows/ci.yml: runs the package\'s tests but package.json has no "test" script']);
    expect(deployConfigProblems(withFiles({ ".github/workflows/ci.yml": "steps:\n  - run: npm test\n" }))).toEqual([".github/workflows/ci.yml: is not a GitHub Actions workflow (no on: and jobs:)"]);
  });
});
