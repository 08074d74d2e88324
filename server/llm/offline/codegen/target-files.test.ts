// The Infra agent's per-target configs: only the chosen targets get one, each parses, says what the
// deploy does (target-settings.ts), and passes QA's static checks with the rest of the app.
import { describe, expect, it } from "vitest";
import { checkFiles } from "~/server/agents/qa/check-files";
import { parseJsonc } from "~/server/agents/qa/check-deploy-configs";
import { cacheControlFor, cacheControls, CLOUDFLARE_COMPATIBILITY_DATE } from "~/server/deployments/targets/target-settings";
import { compileAppPlan } from "../compile-app-plan";
import { generateAppFiles, generateAppInfra } from "./generate-app-files";
import { targetFiles, vercelHashedAssetSource } from "./target-files";

function planOf(prompt: string) {
  const compiled = compileAppPlan(prompt);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.plan;
}

const plan = planOf("A habit tracker with a list of habits, daily check-ins and a stats page");
const twoPages = { ...plan, pages: [...plan.pages, { ...plan.pages[0]!, path: "/stats", title: "Stats" }] };
const siteName = "habit-tracker-abcd1234";
const all = { targets: ["preview", "vercel", "cloudflare", "s3"] as const, siteName };
const paths = (files: { path: string }[]) => files.map((file) => file.path);

describe("targetFiles", () => {
  it("writes a config for each chosen target and none for the preview", () => {
    expect(paths(targetFiles(plan, all))).toEqual(["vercel.json", "wrangler.jsonc", "deploy/s3.md"]);
    expect(paths(targetFiles(plan, { targets: ["preview", "s3"], siteName }))).toEqual(["deploy/s3.md"]);
    expect(targetFiles(plan, { targets: ["preview"], siteName })).toEqual([]);
    // Without the project's targets the Infra agent writes no target config, and keeps its CI workflow.
    const infra = paths(generateAppInfra(plan));
    expect(infra).not.toContain("vercel.json");
    expect(infra).toContain(".github/workflows/ci.yml");
  });

  it("vercel.json: pages never cached, content-named assets kept, the app for any other path", () => {
    const config = JSON.parse(targetFiles(twoPages, { targets: ["vercel"], siteName })[0]!.content);
    const cacheRules = config.headers.flatMap((rule: { source: string; headers: { key: string; value: string }[] }) =>
      rule.headers.filter((h) => h.key === "Cache-Control").map((h) => [rule.source, h.value]),
    );
    expect(cacheRules).toEqual([["/(.*)", cacheControls.other], [vercelHashedAssetSource, cacheControls.hashedAsset], ["/", cacheControls.html], ["/(.*\\.html?)", cacheControls.html]]);
    expect(config.headers[0].headers.map((h: { key: string }) => h.key)).toContain("Content-Security-Policy");
    expect(config.rewrites).toEqual([{ source: "/(.*)", destination: "/index.html" }]);
    // The hashed-asset source, read as a regular expression, sorts files as the deploy's cacheControlFor does.
    const hashed = new RegExp(`^${vercelHashedAssetSource.slice(1)}$`.replace("(.*", "/(.*"));
    for (const file of ["assets/app.3f9a1c2e.js", "chunk-BX12abC9.css", "src/main.js", "styles.css"]) {
      expect(hashed.test(`/${file}`), file).toBe(cacheControlFor(file) === cacheControls.hashedAsset);
    }
  });

  it("vercel.json has no rewrites for a one-page app", () => {
    expect(plan.pages).toHaveLength(1);
    expect(JSON.parse(targetFiles(plan, { targets: ["vercel"], siteName })[0]!.content).rewrites).toBeUndefined();
  });

  it("wrangler.jsonc: Workers static assets from the app's folder, as the deploy uploads them", () => {
    const file = targetFiles(plan, { targets: ["cloudflare"], siteName })[0]!;
    expect(file.content.startsWith("//")).toBe(true);
    expect(parseJsonc(file.content)).toEqual({
      name: siteName,
      compatibility_date: CLOUDFLARE_COMPATIBILITY_DATE,
      assets: { directory: "./", html_handling: "auto-trailing-slash", not_found_handling: "single-page-application" },
    });
  });

  it("deploy/s3.md: the bucket's website configuration and the cache headers of each upload", () => {
    const note = targetFiles(plan, { targets: ["s3"], siteName })[0]!.content;
    const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(note)![1]!);
    expect(json).toEqual({ IndexDocument: { Suffix: "index.html" }, ErrorDocument: { Key: `${siteName}/index.html` } });
    for (const value of Object.values(cacheControls)) expect(note).toContain(value);
  });

  it("the whole app with every target passes QA's static checks, and the README names the targets", async () => {
    const files = generateAppFiles(plan, all);
    expect(await checkFiles(files)).toEqual([]);
    const readme = files.find((file) => file.path === "README.md")!.content;
    expect(readme).toContain("`wrangler.jsonc`");
    expect(readme).toContain("`deploy/s3.md`");
  });
});
