// Shared pieces of the deploy-target integration tests: console capture for the leak checks, a
// workspace with a project, versions built through the real domain functions, and deploys through
// deploy-to-target.ts with short backoffs.
import { vi } from "vitest";
import type { Db } from "../../db";
import { getConnectionOptions } from "../../integrations/app-options";
import { createProject } from "../../projects/create-project";
import { createTestUser } from "../../testing/callers";
import type { TestDatabase } from "../../testing/test-database";
import { createVersion } from "../../versions/create-version";
import type { TExternalDeployTarget } from "../../events/deploy-targets";
import { deployVersionToTarget, rollbackTarget } from "../deploy-to-target";

type ApiCaller = Awaited<ReturnType<typeof createTestUser>>["api"];

/** Everything printed to the console while the tests run, as text. */
export function captureConsole(): string[] {
  const logged: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
    });
  }
  return logged;
}

/** Passes a call's answer or error through, keeping it (error message and stack) for the leak check. */
export async function kept<T>(seen: unknown[], promise: Promise<T>): Promise<T> {
  try {
    const value = await promise;
    seen.push(value);
    return value;
  } catch (error) {
    seen.push(error instanceof Error ? { message: error.message, stack: error.stack, cause: String(error.cause) } : error);
    throw error;
  }
}

/** Every row of every table as text: what someone with the database would see. */
export async function dumpDatabase(database: TestDatabase): Promise<string> {
  const tables = await database.prisma.$queryRaw<Array<{ table_name: string }>>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await database.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((row) => row.row));
  }
  return parts.join("\n");
}

export async function createTeamWithProject(database: TestDatabase, name: string) {
  const owner = await createTestUser(database.prisma, name);
  const workspace = await owner.api.workspace.create({ name: `${name}'s team` });
  const { project, run } = await createProject(database.prisma, { workspaceId: workspace.id, userId: owner.user.id, prompt: "A bakery landing page with the menu" });
  let parentVersionId: string | undefined;
  return {
    owner,
    workspaceId: workspace.id,
    project,
    run,
    /** A version whose index.html says `marker`, with a hashed script, and `extra` files. */
    async version(marker: string, extra: Record<string, string> = {}) {
      const made = await createVersion(database.prisma, {
        projectId: project.id,
        runId: run.id,
        parentVersionId,
        files: [
          { path: "index.html", content: `<!doctype html><title>${marker}</title><h1>${marker}</h1><script src="assets/app.3f9a1c2e.js"></script>` },
          { path: "assets/app.3f9a1c2e.js", content: `console.log(${JSON.stringify(marker)});` },
          ...Object.entries(extra).map(([path, content]) => ({ path, content })),
        ],
      });
      parentVersionId = made.id;
      return made;
    },
  };
}

export const fastOptions = { access: getConnectionOptions, backoffMs: 20, timeoutMs: 60_000 };

export function deploy(database: TestDatabase, input: { projectId: string; versionId: string; target: TExternalDeployTarget; runId?: string }) {
  return deployVersionToTarget(database.prisma, input, fastOptions);
}

export function rollback(database: TestDatabase, input: { projectId: string; versionId: string; target: TExternalDeployTarget }) {
  return rollbackTarget(database.prisma, input, fastOptions);
}

/**
 * A project of `owner`'s workspace with two versions that each went live on Vercel (a fake's
 * `baseUrl`), version 2 live now: what the MCP and CLI rollback tests start from. The connection is
 * saved through the API (verified), the deploys go through the domain function the pipeline uses.
 */
export async function createProjectLiveOnVercel(db: Db, owner: { userId: string; workspaceId: string; api: ApiCaller }, vercel: { url: string; token: string }, name: string) {
  await owner.api.integration.save({ workspaceId: owner.workspaceId, provider: "VERCEL", credentials: { token: vercel.token, baseUrl: vercel.url } });
  const { project, run } = await createProject(db, { workspaceId: owner.workspaceId, userId: owner.userId, prompt: `${name}: a bakery landing page`, name });
  await owner.api.deployment.setTargets({ projectId: project.id, targets: ["vercel"] });
  const versions = [];
  let parentVersionId: string | undefined;
  for (const marker of ["Version one", "Version two"]) {
    const version = await createVersion(db, { projectId: project.id, runId: run.id, parentVersionId, files: [{ path: "index.html", content: `<!doctype html><title>${marker}</title><h1>${marker}</h1>` }] });
    parentVersionId = version.id;
    const deployment = await deployVersionToTarget(db, { projectId: project.id, versionId: version.id, target: "vercel" }, fastOptions);
    if (deployment.status !== "READY") throw new Error(`Vercel deploy of ${marker} ended ${deployment.status}: ${deployment.logs}`);
    versions.push({ ...version, deploymentUrl: deployment.deploymentUrl! });
  }
  return { project, versions };
}
