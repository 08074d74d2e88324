import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { serveFetchHandler } from "../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { createVersion } from "../versions/create-version";
import { deployPreview, rollbackToVersion } from "./deploy-preview";
import type { PreviewOrigins } from "./preview-origin";
import { servePreview } from "./serve-preview";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("local preview deployments on %s", (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  let origins: PreviewOrigins;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await serveFetchHandler((request) => {
      const segments = new URL(request.url).pathname.split("/").slice(2).filter(Boolean);
      return servePreview(database.prisma, request, segments, origins);
    });
    // The test server plays the preview origin; "localhost" plays the platform.
    origins = { platform: server.url.replace("127.0.0.1", "localhost"), preview: server.url, isIsolated: true };
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  async function projectWithTwoVersions() {
    const owner = await createTestUser(database.prisma, "deployer");
    const { project, run } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A page" });
    const page = (title: string) => [
      { path: "index.html", content: `<!doctype html><title>${title}</title><script type="module" src="./src/app.js"></script>` },
      { path: "src/app.js", content: "document.title += '!'" },
    ];
    const v1 = await createVersion(database.prisma, { projectId: project.id, runId: run.id, files: page("One") });
    const v2 = await createVersion(database.prisma, { projectId: project.id, runId: run.id, parentVersionId: v1.id, files: page("Two") });
    return { project, run, v1, v2 };
  }

  it("moves a deployment queued → building → ready, logged and announced on the run", async () => {
    const { project, run, v1 } = await projectWithTwoVersions();
    const deployment = await deployPreview(database.prisma, { projectId: project.id, versionId: v1.id, runId: run.id, previewOrigin: origins.preview });
    expect(deployment.status).toBe("READY");
    expect(deployment.deploymentUrl).toMatch(new RegExp(`^${server.url}/preview/[A-Za-z0-9_-]{24}/v1/$`));
    expect(deployment.logs).toMatch(/Queued version 1[\s\S]*Publishing 2 files[\s\S]*Ready at/);
    const events = await database.prisma.runEvent.findMany({ where: { runId: run.id, type: "deployment.status" }, orderBy: { seq: "asc" } });
    expect(events.map((event) => (event.payload as { status: string }).status)).toEqual(["QUEUED", "BUILDING", "READY"]);
    const updated = await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(updated).toMatchObject({ status: "READY", liveVersionId: v1.id });
    expect(updated.liveUrls[0]).toMatch(/\/preview\/[A-Za-z0-9_-]{24}\/$/);
  });

  it("serves the live version and each version under a strict CSP, and rolls back", async () => {
    const { project, v1, v2 } = await projectWithTwoVersions();
    await deployPreview(database.prisma, { projectId: project.id, versionId: v1.id, previewOrigin: origins.preview });
    await deployPreview(database.prisma, { projectId: project.id, versionId: v2.id, previewOrigin: origins.preview });
    const live = (await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).liveUrls[0]!;

    const response = await fetch(live);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Two</title>");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`frame-ancestors ${origins.platform}`);
    expect(response.headers.get("x-frame-options")).toBeNull();

    expect(await (await fetch(`${live}v1/`)).text()).toContain("<title>One</title>");
    const script = await fetch(`${live}v1/src/app.js`);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");

    const rollback = await rollbackToVersion(database.prisma, { projectId: project.id, versionId: v1.id, previewOrigin: origins.preview });
    expect(rollback.logs).toContain("Rolled back");
    expect(await (await fetch(live)).text()).toContain("<title>One</title>");
  });

  it("answers unknown keys, versions and files with 404, and keeps traversal out", async () => {
    const { project, v1 } = await projectWithTwoVersions();
    await deployPreview(database.prisma, { projectId: project.id, versionId: v1.id, previewOrigin: origins.preview });
    const live = (await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).liveUrls[0]!;
    expect((await fetch(`${server.url}/preview/${"x".repeat(24)}/`)).status).toBe(404);
    expect((await fetch(`${live}v9/`)).status).toBe(404);
    expect((await fetch(`${live}nope.js`)).status).toBe(404);
    expect((await fetch(`${live}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it("redirects requests made on the platform origin to the preview origin", async () => {
    const key = "k".repeat(24);
    // fetch will not send a Host header of our choosing; node:http will.
    const { status, location } = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
      http
        .get(`${server.url}/preview/${key}/`, { headers: { host: new URL(origins.platform).host } }, (response) => {
          response.resume();
          resolve({ status: response.statusCode, location: response.headers.location });
        })
        .on("error", reject);
    });
    expect(status).toBe(307);
    expect(location).toBe(`${origins.preview}/preview/${key}/`);
  });

  it("refuses to roll back to a version that was never deployed", async () => {
    const { project, v2 } = await projectWithTwoVersions();
    await expect(rollbackToVersion(database.prisma, { projectId: project.id, versionId: v2.id, previewOrigin: origins.preview })).rejects.toThrow(
      /never deployed/,
    );
  });
});
