// vercel.json against the app it deploys: every function it configures is a route of ours and
// says the same maxDuration in its own segment config (which is what Next and self-hosted servers
// read), every route with a maxDuration is configured there, and the cron calls a GET route.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
type VercelConfig = { functions: Record<string, { maxDuration?: number }>; crons: { path: string; schedule: string }[] };
const config = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as VercelConfig;

/** Every route handler file under app/, repository-relative. */
function routeFiles(dir = "app"): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(relative);
    return /^route\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Vercel's function globs: `*` is one path segment, `**` any number of them. */
function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]+").replace(/\u0000/g, ".*");
  return new RegExp(`^${escaped}$`);
}

function exportedMaxDuration(file: string): number | null {
  const match = /^export const maxDuration = (\d+);$/m.exec(readFileSync(path.join(root, file), "utf8"));
  return match ? Number(match[1]) : null;
}

/** The route file that serves a URL path: static segments, or a dynamic one ([id], [...path]). */
function routeFileFor(urlPath: string, files: string[]): string | undefined {
  const segments = urlPath.split("/").filter(Boolean);
  return files.find((file) => {
    const parts = file.replace(/^app\//, "").replace(/\/route\.tsx?$/, "").split("/").filter((part) => !/^\(.*\)$/.test(part));
    return parts.length === segments.length && parts.every((part, index) => part === segments[index] || /^\[[^.\]]+\]$/.test(part));
  });
}

describe("vercel.json", () => {
  const files = routeFiles();

  it("configures only routes of ours, each with the maxDuration its route exports", () => {
    expect(Object.keys(config.functions).length).toBeGreaterThan(0);
    for (const [glob, settings] of Object.entries(config.functions)) {
      const matched = files.filter((file) => globToRegExp(glob).test(file));
      expect(matched, `${glob} matches a route`).not.toEqual([]);
      for (const file of matched) expect(exportedMaxDuration(file), `${file}'s maxDuration`).toBe(settings.maxDuration);
    }
  });

  it("configures every route that exports a maxDuration", () => {
    const withDuration = files.filter((file) => exportedMaxDuration(file) !== null);
    expect(withDuration).toEqual(expect.arrayContaining(["app/api/executor/tick/route.ts", "app/api/inngest/route.ts", "app/api/runs/[runId]/events/route.ts"]));
    for (const file of withDuration) {
      expect(Object.keys(config.functions).some((glob) => globToRegExp(glob).test(file)), `${file} in vercel.json`).toBe(true);
    }
  });

  it("has a cron on the executor's tick route, a GET handler, every minute", () => {
    expect(config.crons).toEqual([{ path: "/api/executor/tick", schedule: "* * * * *" }]);
    for (const cron of config.crons) {
      expect(cron.schedule.split(" ")).toHaveLength(5);
      const file = routeFileFor(cron.path, files);
      expect(file, `a route for ${cron.path}`).toBe("app/api/executor/tick/route.ts");
      // Vercel Cron sends a GET with `Authorization: Bearer $CRON_SECRET`, which the route checks.
      const source = readFileSync(path.join(root, file!), "utf8");
      expect(source).toMatch(/^export const GET = /m);
      expect(source).toContain("Bearer ${env.CRON_SECRET}");
    }
  });
});
