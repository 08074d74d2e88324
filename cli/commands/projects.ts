// Projects: list them, see one's status, open its live preview.
import { spawn } from "node:child_process";
import type { Command } from "commander";
import { notFoundError } from "../lib/cli-error";
import type { CommandContext } from "../lib/context";
import { formatAge, truncate } from "../lib/output";
import { listAllProjects, resolveProject, resolveWorkspace } from "../lib/resolve";
import type { Handlers } from "./handlers";

/** A project's status as the dashboard shows it: a live app with gaps is never plain Ready. */
function displayStatus(project: { status: string; liveVersion: { run: { status: string } | null } | null }) {
  return project.status === "READY" && project.liveVersion?.run?.status === "READY_WITH_GAPS" ? "READY_WITH_GAPS" : project.status;
}

async function liveUrlOf(context: CommandContext, project: { id: string; liveUrls: string[] }) {
  const location = await context.api.deployment.origins.query({ projectId: project.id });
  return location.liveUrl ?? project.liveUrls[0] ?? null;
}

function openInBrowser(url: string) {
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(command, args as string[], { stdio: "ignore", detached: true });
  child.on("error", () => {}); // no opener installed: the URL is printed anyway
  child.unref();
}

export function registerProjectCommands(program: Command, { withContext }: Handlers) {
  program
    .command("projects")
    .description("list projects, newest first")
    .option("-w, --workspace <workspace>", "only this workspace (id, name or slug)")
    .action(
      withContext(async (context, options: { workspace?: string }) => {
        const workspaceIds = options.workspace ? [(await resolveWorkspace(context, options.workspace)).id] : undefined;
        const projects = await listAllProjects(context, workspaceIds);
        const { output } = context;
        output.result(
          projects.map((project) => ({ ...project, status: displayStatus(project) })),
          () => {
            if (projects.length === 0) return output.line('No projects yet. Start one: epic new "a prompt"');
            output.table([
              ["NAME", "STATUS", "UPDATED", "ID"].map((text) => output.paint.dim(text)),
              ...projects.map((project) => [
                `${truncate(project.name, 40)}${project.archivedAt ? output.paint.dim(" (archived)") : ""}`,
                displayStatus(project).toLowerCase(),
                formatAge(project.updatedAt),
                project.id,
              ]),
            ]);
          },
        );
      }),
    );

  program
    .command("status")
    .description("a project's status, live preview and latest runs")
    .argument("<project>", "project id, name or slug")
    .action(
      withContext(async (context, query: string) => {
        const project = await resolveProject(context, query);
        const liveUrl = await liveUrlOf(context, project);
        const versions = await context.api.version.list.query({ projectId: project.id });
        const liveVersion = versions.find((version) => version.id === project.liveVersionId) ?? null;
        const { output } = context;
        const { paint } = output;
        output.result({ ...project, status: displayStatus(project), liveUrl, liveVersion: liveVersion && { id: liveVersion.id, number: liveVersion.number } }, () => {
          output.line(`${paint.bold(project.name)}  ${paint.dim(project.id)}`);
          output.line(`Status:     ${displayStatus(project).toLowerCase()}`);
          output.line(`Workspace:  ${project.workspace.name}`);
          output.line(`Live:       ${liveUrl ? `${liveUrl}${liveVersion ? ` (v${liveVersion.number})` : ""}` : "not deployed yet"}`);
          output.line(`Versions:   ${project._count.versions}`);
          if (project.runs.length > 0) {
            output.line("Runs:");
            output.table(project.runs.map((run) => [`  ${run.id}`, run.status.toLowerCase(), formatAge(run.queuedAt), truncate(run.prompt, 50)]));
          }
          const waiting = project.runs.find((run) => run.status === "WAITING");
          if (waiting) output.line(paint.yellow(`A plan waits for review: epic plan ${project.id}`));
        });
      }),
    );

  program
    .command("open")
    .description("print a project's live preview URL and open it in a browser (on a terminal)")
    .argument("<project>", "project id, name or slug")
    .option("--no-browser", "only print the URL")
    .action(
      withContext(async (context, query: string, options: { browser: boolean }) => {
        const project = await resolveProject(context, query);
        const url = await liveUrlOf(context, project);
        if (!url) throw notFoundError(`${project.name} has no live preview yet`);
        context.output.result({ projectId: project.id, url }, () => {
          context.output.line(url);
          if (options.browser && process.stdout.isTTY) openInBrowser(url);
        });
      }),
    );
}
