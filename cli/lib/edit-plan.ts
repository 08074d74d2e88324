// `epic plan --edit`: the plan as JSON in $VISUAL/$EDITOR, read back and checked against the
// plan's own zod schema before anything is sent, so a typo is caught here with the field named.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { ZPlan, type TPlan } from "../../server/plan/plan-schema";
import { CliError, usageError } from "./cli-error";
import { exitCodes } from "./exit-codes";

export async function editPlanInEditor(plan: unknown, env: Record<string, string | undefined> = process.env): Promise<TPlan> {
  const editor = env.VISUAL?.trim() || env.EDITOR?.trim() || "vi";
  const dir = await mkdtemp(path.join(os.tmpdir(), "epic-plan-"));
  const file = path.join(dir, "plan.json");
  await writeFile(file, `${JSON.stringify(plan, null, 2)}\n`, { mode: 0o600 });
  // Through the shell: EDITOR may carry arguments ("code --wait").
  const result = spawnSync(`${editor} ${JSON.stringify(file)}`, { shell: true, stdio: "inherit" });
  if (result.error || result.status !== 0) {
    throw new CliError(`The editor (${editor}) exited with ${result.error?.message ?? `code ${result.status}`}; nothing was sent`, exitCodes.failed, { code: "EDITOR" });
  }
  const text = await readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw usageError(`The edited plan is not valid JSON: ${(error as Error).message}; nothing was sent`, `Your edit is kept in ${file}`);
  }
  const parsed = ZPlan.safeParse(json);
  if (!parsed.success) {
    const fieldIssues = Object.fromEntries(
      Object.entries(
        parsed.error.issues.reduce<Record<string, string[]>>((issues, issue) => {
          const key = issue.path.length ? issue.path.join(".") : "(plan)";
          (issues[key] ??= []).push(issue.message);
          return issues;
        }, {}),
      ),
    );
    throw new CliError(`The edited plan is not valid; nothing was sent:\n${z.prettifyError(parsed.error)}`, exitCodes.usage, {
      code: "INVALID_PLAN",
      fieldIssues,
      hint: `Your edit is kept in ${file}`,
    });
  }
  await rm(dir, { recursive: true, force: true });
  return parsed.data;
}
