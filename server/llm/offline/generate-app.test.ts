import { describe, expect, it } from "vitest";
import { ZGeneratedFile } from "~/server/plan/plan-schema";
import { checkFiles } from "~/server/agents/qa/check-files";
import { compilePlan } from "./compile-plan";
import { generateApp } from "./generate-app";
import { generateDataLayer } from "./datalayer/generate-data-layer";
import { repairFiles } from "./repair-files";

describe("generated files", () => {
  const crm = compilePlan("a CRM for contacts and deals");

  it("contains every agent's output once, with valid paths", () => {
    const files = generateApp(crm);
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of files) expect(ZGeneratedFile.safeParse(f).success).toBe(true);
    expect(paths).toEqual(
      expect.arrayContaining(["index.html", "styles.css", "src/main.js", "src/store.js", "src/schema.js", "db/schema.sql", "db/seed.json", "Dockerfile", "vercel.json", ".github/workflows/ci.yml", "README.md", "package.json", "tests/store.test.js"]),
    );
  });

  it("writes PostgreSQL DDL with foreign keys for relations", () => {
    const sql = generateDataLayer(crm).find((f) => f.path === "db/schema.sql")!.content;
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "contacts"');
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "deals"');
    expect(sql).toMatch(/FOREIGN KEY \("contact_id"\) REFERENCES "contacts" \("id"\) ON DELETE CASCADE/);
    expect(sql).toMatch(/"stage" text CHECK \("stage" IN \('Lead', 'Qualified', 'Proposal', 'Won', 'Lost'\)\)/);
  });

  it("keeps the index.html CSP-clean and the static checks green", async () => {
    const files = generateApp(crm);
    const html = files.find((f) => f.path === "index.html")!.content;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(await checkFiles(files)).toEqual([]);
  });

  it("repairs broken or missing files from the plan", async () => {
    const files = generateApp(crm)
      .filter((f) => f.path !== "src/store.js")
      .map((f) => (f.path === "src/main.js" ? { ...f, content: "import {" } : f));
    const problems = await checkFiles(files);
    expect(problems.length).toBeGreaterThan(0);
    const repaired = repairFiles(crm, [...files, { path: "notes/extra.txt", content: "keep me" }], problems);
    expect(await checkFiles(repaired)).toEqual([]);
    expect(repaired.find((f) => f.path === "notes/extra.txt")?.content).toBe("keep me");
  });
});
