// Runs: start one (new, change), follow one (watch), read one's log (logs), review its plan (plan).
import type { Command } from "commander";
import { notFoundError, usageError } from "../lib/cli-error";
import type { CommandContext } from "../lib/context";
import { editPlanInEditor } from "../lib/edit-plan";
import { readStdin } from "../lib/prompt-input";
import { resolveProject, resolveWorkspace } from "../lib/resolve";
import { watchRun } from "../lib/watch-run";
import type { Handlers } from "./handlers";

const looksLikeId = (text: string) => /^c[a-z0-9]{20,32}$/.test(text);

async function promptArgument(prompt: string): Promise<string> {
  const text = prompt === "-" ? await readStdin() : prompt;
  if (!text.trim()) throw usageError("The prompt is empty");
  return text;
}

async function follow(context: CommandContext, runId: string, options: { isStoppedAtReview?: boolean } = {}) {
  const outcome = await watchRun(context, runId, options);
  process.exitCode = outcome.exitCode;
}

/** A run id, or a project (id, name or slug) whose latest run is meant. */
async function resolveRunId(context: CommandContext, query: string): Promise<string> {
  if (looksLikeId(query)) {
    try {
      return (await context.api.run.get.query({ runId: query })).id;
    } catch (error) {
      if ((error as { data?: { code?: string } }).data?.code !== "NOT_FOUND") throw error;
    }
  }
  const project = await resolveProject(context, query).catch((error: unknown) => {
    if ((error as { exitCode?: number }).exitCode === 4) throw notFoundError(`Run or project "${query}" not found`);
    throw error;
  });
  const latest = project.runs[0];
  if (!latest) throw notFoundError(`${project.name} has no runs`);
  return latest.id;
}

export function registerRunCommands(program: Command, { withContext }: Handlers) {
  program
    .command("new")
    .description("start a project from a prompt and follow the run until its preview is ready")
    .argument("<prompt>", 'what to build (or "-" to read it from stdin)')
    .option("-w, --workspace <workspace>", "workspace id, name or slug (default: the token's)")
    .option("--name <name>", "the project's name (default: from the prompt)")
    .option("--review", "stop after planning so you can review the plan (epic plan)")
    .option("--detach", "start the run and return at once")
    .action(
      withContext(async (context, prompt: string, options: { workspace?: string; name?: string; review?: boolean; detach?: boolean }) => {
        const workspace = await resolveWorkspace(context, options.workspace);
        const { project, run } = await context.api.project.create.mutate({
          workspaceId: workspace.id,
          prompt: await promptArgument(prompt),
          name: options.name,
          requiresPlanApproval: options.review ? true : undefined,
        });
        const { output } = context;
        output.json({ type: "created", project: { id: project.id, name: project.name, workspaceId: workspace.id }, run: { id: run.id } });
        output.line(`${output.paint.bold(project.name)} ${output.paint.dim(project.id)} · run ${run.id}`);
        if (options.detach) return output.line(`Follow it: epic watch ${run.id}`);
        await follow(context, run.id);
      }),
    );

  program
    .command("change")
    .description("send a follow-up prompt to a project and follow the run")
    .argument("<project>", "project id, name or slug")
    .argument("<prompt>", 'what to change (or "-" to read it from stdin)')
    .option("--detach", "start the run and return at once")
    .action(
      withContext(async (context, query: string, prompt: string, options: { detach?: boolean }) => {
        const project = await resolveProject(context, query);
        const run = await context.api.project.followUp.mutate({ projectId: project.id, prompt: await promptArgument(prompt) });
        const { output } = context;
        output.json({ type: "created", project: { id: project.id, name: project.name }, run: { id: run.id } });
        output.line(`${output.paint.bold(project.name)} ${output.paint.dim(project.id)} · follow-up run ${run.id}`);
        if (options.detach) return output.line(`Follow it: epic watch ${run.id}`);
        await follow(context, run.id);
      }),
    );

  program
    .command("watch")
    .description("follow a run live (Ctrl-C detaches; the run goes on)")
    .argument("<run>", "run id (or a project, for its latest run)")
    .action(
      withContext(async (context, query: string) => {
        await follow(context, await resolveRunId(context, query));
      }),
    );

  program
    .command("logs")
    .description("a run's event log: stages, agent output, QA and deployment")
    .argument("<run>", "run id (or a project, for its latest run)")
    .option("-f, --follow", "keep following until the run ends")
    .action(
      withContext(async (context, query: string, options: { follow?: boolean }) => {
        const runId = await resolveRunId(context, query);
        if (options.follow) return follow(context, runId);
        const run = await context.api.run.get.query({ runId });
        await watchRun(context, runId, { untilSeq: run.lastSeq, isSummaryShown: false });
      }),
    );

  program
    .command("plan")
    .description("show a run's plan, or approve, edit or reject a plan that waits for review")
    .argument("<project>", "project id, name or slug")
    .option("--approve", "approve the plan and start building")
    .option("--reject", "reject the plan (the run ends)")
    .option("--edit", "edit the plan in $EDITOR, then approve the edited plan")
    .option("--feedback <text>", "a note for the record")
    .option("--run <run>", "the run (default: the project's run that waits for review, else its latest)")
    .option("--watch", "after deciding, follow the run")
    .action(
      withContext(async (context, query: string, options: { approve?: boolean; reject?: boolean; edit?: boolean; feedback?: string; run?: string; watch?: boolean }) => {
        const actions = [options.approve && "--approve", options.reject && "--reject", options.edit && "--edit"].filter(Boolean);
        if (actions.length > 1) throw usageError(`Choose one of ${actions.join(", ")}`);
        const project = await resolveProject(context, query);
        const runId = options.run ?? (project.runs.find((run) => run.status === "WAITING") ?? (actions.length ? null : project.runs[0]))?.id;
        if (!runId) throw notFoundError(`No run of ${project.name} is waiting for a plan review`);
        const run = await context.api.run.get.query({ runId });
        if (run.projectId !== project.id) throw notFoundError(`Run ${runId} is not a run of ${project.name}`);
        const { output } = context;
        if (actions.length === 0) {
          if (!run.plan) throw notFoundError(`Run ${run.id} has no plan yet`);
          const plan = run.plan as { appName: string; summary: string; pages: Array<{ title?: string; path?: string }>; acceptanceChecks: unknown[]; entities: Array<{ name?: string }> };
          return output.result({ runId: run.id, status: run.status, plan: run.plan }, () => {
            output.line(`${output.paint.bold(plan.appName)} — run ${run.id} (${run.status.toLowerCase()})`);
            output.line(plan.summary);
            output.line(`Pages:    ${plan.pages.map((page) => page.title ?? page.path).join(", ")}`);
            output.line(`Entities: ${plan.entities.map((entity) => entity.name).join(", ") || "none"}`);
            output.line(`Checks:   ${plan.acceptanceChecks.length}`);
            output.line(output.paint.dim(`The whole plan: epic plan ${project.id} --json`));
          });
        }
        if (run.status !== "WAITING") throw usageError(`Run ${run.id} is ${run.status.toLowerCase()}, not waiting for a plan review`);
        const editedPlan = options.edit ? await editPlanInEditor(run.plan) : undefined;
        const isApproved = !options.reject;
        await context.api.run.reviewPlan.mutate({ runId: run.id, isApproved, feedback: options.feedback, plan: editedPlan });
        const decision = options.edit ? "edited and approved" : isApproved ? "approved" : "rejected";
        output.json({ type: "reviewed", runId: run.id, decision });
        output.line(`Plan ${decision}.${isApproved && !options.watch ? ` Follow the build: epic watch ${run.id}` : ""}`);
        if (options.watch) await follow(context, run.id, { isStoppedAtReview: false });
      }),
    );
}
