// Versions: list them, diff two, pull one's files, roll the live preview (or one deploy target) back to one.
import path from "node:path";
import type { Command } from "commander";
import { deployTargetLabels, externalDeployTargets, type TExternalDeployTarget } from "../../server/events/deploy-targets";
import { CliError, notFoundError, usageError } from "../lib/cli-error";
import { exitCodes } from "../lib/exit-codes";
import type { CommandContext } from "../lib/context";
import { formatAge, truncate, type Paint } from "../lib/output";
import { resolveProject, resolveVersion } from "../lib/resolve";
import { assertWritableFolder, writeVersionFiles } from "../lib/write-version-files";
import type { Handlers } from "./handlers";

type FileDiff = Awaited<ReturnType<CommandContext["api"]["version"]["fileDiff"]["query"]>>;

/** A file's line diff in the unified format `git diff` prints. */
function unifiedDiff(fileDiff: FileDiff, paint: Paint): string[] {
  const from = fileDiff.change === "added" ? "/dev/null" : `a/${fileDiff.path}`;
  const to = fileDiff.change === "removed" ? "/dev/null" : `b/${fileDiff.path}`;
  const lines = [paint.bold(`--- ${from}`), paint.bold(`+++ ${to}`)];
  if (fileDiff.diff.kind !== "text") return [...lines, `(${fileDiff.diff.kind} file: no line diff)`];
  for (const hunk of fileDiff.diff.hunks) {
    lines.push(paint.cyan(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`));
    for (const line of hunk.lines) {
      if (line.kind === "added") lines.push(paint.green(`+${line.text}`));
      else if (line.kind === "removed") lines.push(paint.red(`-${line.text}`));
      else lines.push(` ${line.text}`);
      if (line.noNewlineAtEnd) lines.push("\\ No newline at end of file");
    }
  }
  return lines;
}

export function registerVersionCommands(program: Command, { withContext }: Handlers) {
  program
    .command("versions")
    .description("a project's versions, newest first")
    .argument("<project>", "project id, name or slug")
    .action(
      withContext(async (context, query: string) => {
        const project = await resolveProject(context, query);
        const versions = await context.api.version.list.query({ projectId: project.id });
        const { output } = context;
        const rows = versions.map((version) => ({ ...version, files: version._count.files, isLive: version.id === project.liveVersionId }));
        output.result(rows, () => {
          if (rows.length === 0) return output.line(`${project.name} has no versions yet.`);
          output.table([
            ["VERSION", "", "CREATED", "FILES", "SUMMARY"].map((text) => output.paint.dim(text)),
            ...rows.map((version) => [`v${version.number}`, version.isLive ? output.paint.green("live") : "", formatAge(version.createdAt), String(version.files), truncate(version.summary ?? "", 60)]),
          ]);
        });
      }),
    );

  program
    .command("diff")
    .description("files changed from one version to another (-p for line diffs)")
    .argument("<project>", "project id, name or slug")
    .argument("<from>", "version number, e.g. v1")
    .argument("<to>", "version number, e.g. v2")
    .option("-p, --patch", "show each changed file's line diff")
    .action(
      withContext(async (context, query: string, fromText: string, toText: string, options: { patch?: boolean }) => {
        const project = await resolveProject(context, query);
        const [from, to] = await Promise.all([resolveVersion(context, project.id, fromText), resolveVersion(context, project.id, toText)]);
        const diff = await context.api.version.diff.query({ versionId: to.id, againstVersionId: from.id });
        const patches = options.patch
          ? await Promise.all(diff.changes.map((change) => context.api.version.fileDiff.query({ versionId: to.id, againstVersionId: from.id, path: change.path })))
          : undefined;
        const { output } = context;
        const { paint } = output;
        output.result({ ...diff, patches }, () => {
          const marks = { added: paint.green("A"), removed: paint.red("D"), modified: paint.yellow("M") };
          for (const change of diff.changes) output.line(`${marks[change.change]} ${change.path}`);
          output.line(paint.dim(`${diff.changes.length} file(s) changed from v${from.number} to v${to.number}`));
          for (const patch of patches ?? []) {
            output.line();
            for (const line of unifiedDiff(patch, paint)) output.line(line);
          }
        });
      }),
    );

  program
    .command("pull")
    .description("write a version's exact files into a folder (default: the live version)")
    .argument("<project>", "project id, name or slug")
    .argument("<dir>", "the folder to write (new or empty, unless --force)")
    .option("--version <version>", "version number, e.g. 3 or v3")
    .option("--force", "write into a folder that is not empty, overwriting files")
    .action(
      withContext(async (context, query: string, dir: string, options: { version?: string; force?: boolean }) => {
        const project = await resolveProject(context, query);
        const versions = await context.api.version.list.query({ projectId: project.id });
        const version = options.version
          ? await resolveVersion(context, project.id, options.version)
          : (versions.find((candidate) => candidate.id === project.liveVersionId) ?? versions[0]);
        if (!version) throw notFoundError(`${project.name} has no versions yet`);
        await assertWritableFolder(dir, !!options.force);
        const files = await writeVersionFiles(context, version.id, dir);
        const bytes = files.reduce((total, file) => total + file.size, 0);
        const { output } = context;
        output.result({ projectId: project.id, version: { id: version.id, number: version.number }, dir: path.resolve(dir), files }, () =>
          output.line(`Wrote v${version.number} of ${project.name}: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB → ${dir}`),
        );
      }),
    );

  program
    .command("rollback")
    .description("point the live preview (or, with --target, one deploy target) at an earlier version")
    .argument("<project>", "project id, name or slug")
    .argument("<version>", "version number, e.g. v1")
    .option("--target <target>", `a deploy target instead of the preview: ${externalDeployTargets.join(", ")}`)
    .action(
      withContext(async (context, query: string, versionText: string, options: { target?: string }) => {
        const target = options.target === undefined ? null : parseTarget(options.target);
        const project = await resolveProject(context, query);
        const version = await resolveVersion(context, project.id, versionText);
        if (target) {
          await rollbackTarget(context, { id: project.id, name: project.name }, version, target);
          return;
        }
        await context.api.deployment.rollback.mutate({ projectId: project.id, versionId: version.id });
        const location = await context.api.deployment.origins.query({ projectId: project.id });
        const { output } = context;
        output.result({ projectId: project.id, version: { id: version.id, number: version.number }, liveUrl: location.liveUrl }, () =>
          output.line(`${output.paint.green(`v${version.number} is live.`)}${location.liveUrl ? ` ${location.liveUrl}` : ""}`),
        );
      }),
    );
}

function parseTarget(text: string): TExternalDeployTarget {
  const target = externalDeployTargets.find((candidate) => candidate === text.trim().toLowerCase());
  if (!target) throw usageError(`Unknown deploy target "${text}"`, `Use one of: ${externalDeployTargets.join(", ")} (the preview rolls back without --target)`);
  return target;
}

/** `epic rollback <project> <version> --target <target>`: the same domain function as REST's POST /projects/{id}/targets/{target}/rollback. */
async function rollbackTarget(context: CommandContext, project: { id: string; name: string }, version: { id: string; number: number }, target: TExternalDeployTarget) {
  const label = deployTargetLabels[target];
  const deployment = await context.api.deployment.rollbackTarget.mutate({ projectId: project.id, versionId: version.id, target });
  if (deployment.status !== "READY") {
    // The provider's message and what to do, as the dashboard shows it.
    const reason = deployment.logs.trim().split("\n").pop()?.replace(/^\[[^\]]+\]\s*/, "") ?? "the deployment failed";
    throw new CliError(`Rolling ${label} back to v${version.number} failed: ${reason}`, exitCodes.failed, { code: "DEPLOYMENT_FAILED" });
  }
  const { output } = context;
  output.result({ projectId: project.id, target, version: { id: version.id, number: version.number }, deploymentId: deployment.id, url: deployment.deploymentUrl }, () =>
    output.line(`${output.paint.green(`v${version.number} is live on ${label}.`)}${deployment.deploymentUrl ? ` ${deployment.deploymentUrl}` : ""}`),
  );
}
