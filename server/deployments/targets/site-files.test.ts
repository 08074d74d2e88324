import { describe, expect, it } from "vitest";
import { externalDeployTargets } from "../../events/deploy-targets";
import { isSiteFile, selectSiteFiles } from "./site-files";

// What the offline Infra agent writes beside the app (server/llm/offline/codegen/infra-files.ts, target-files.ts).
const repositoryFiles = [
  "README.md",
  "package.json",
  "Dockerfile",
  ".dockerignore",
  ".github/workflows/ci.yml",
  "scripts/serve.js",
  "tests/app.test.js",
  "vercel.json",
  "wrangler.jsonc",
  "deploy/s3.md",
];
const siteFiles = ["index.html", "app.js", "styles.css", "assets/app.3f9a1c2e.js", "assets/logo.svg", "about/index.html", "scripts/menu.js", "favicon.ico"];

describe("site files per deploy target", () => {
  it("publishes the site and keeps the repository's files (configs, deploy notes, CI, tests, dotfiles) out of S3 and Cloudflare", () => {
    for (const target of ["s3", "cloudflare"] as const) {
      const { site, keptBack } = selectSiteFiles(target, [...repositoryFiles, ...siteFiles].map((path) => ({ path })));
      expect(site.map((file) => file.path).sort()).toEqual([...siteFiles].sort());
      expect(keptBack.sort()).toEqual([...repositoryFiles].sort());
    }
  });

  it("gives Vercel its vercel.json (configuration it reads, not a page) and nothing else of the repository", () => {
    const { site, keptBack } = selectSiteFiles("vercel", [...repositoryFiles, ...siteFiles].map((path) => ({ path })));
    expect(site.map((file) => file.path).sort()).toEqual([...siteFiles, "vercel.json"].sort());
    expect(keptBack).not.toContain("vercel.json");
    expect(keptBack).toContain("wrangler.jsonc");
    expect(keptBack).toContain("deploy/s3.md");
  });

  it("never publishes dotfiles or files in dot-folders (but .well-known/), nor other tools' configs, on any target", () => {
    for (const target of externalDeployTargets) {
      for (const path of [".env", ".gitignore", "assets/.DS_Store", ".well-known-ish/x.txt", ".vercel/project.json", "wrangler.toml", "wrangler.json", "package-lock.json", "deploy/notes.txt"]) {
        expect(isSiteFile(target, path), `${target}: ${path}`).toBe(false);
      }
      // Names that only look alike are the site's.
      for (const path of ["deployment.html", "tests.html", "readme.html", "assets/deploy/icon.svg", "docs/README.md", ".well-known/security.txt"]) {
        expect(isSiteFile(target, path), `${target}: ${path}`).toBe(true);
      }
    }
  });
});
