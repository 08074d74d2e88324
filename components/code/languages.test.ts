import { describe, expect, it } from "vitest";
import { languageForPath } from "./languages";

describe("languageForPath", () => {
  it.each([
    ["app/page.tsx", "tsx"],
    ["server/db.ts", "typescript"],
    ["src/app.js", "javascript"],
    ["scripts/build.mjs", "javascript"],
    ["components/Button.jsx", "jsx"],
    ["package.json", "json"],
    ["wrangler.jsonc", "jsonc"],
    ["styles/site.css", "css"],
    ["index.html", "html"],
    ["README.md", "markdown"],
    ["prisma/migrations/1_init/migration.sql", "sql"],
    ["prisma/schema.prisma", "prisma"],
    [".github/workflows/ci.yml", "yaml"],
    ["Dockerfile", "dockerfile"],
    ["docker/Dockerfile.dev", "dockerfile"],
    ["scripts/start.sh", "shellscript"],
    [".env.example", "shellscript"],
    ["APP.TSX", "tsx"],
  ])("%s is %s", (path, language) => {
    expect(languageForPath(path)).toBe(language);
  });

  it.each(["LICENSE", "public/logo.png", ".gitignore", "notes.txt"])("%s is plain text", (path) => {
    expect(languageForPath(path)).toBeNull();
  });
});
