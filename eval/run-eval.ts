// `npm run eval`: the committed eval set (eval/cases.json: prompts and follow-up chains written as
// users write them, before the compiler was tuned) through the real pipeline — project.create /
// project.followUp, the embedded executor, the offline provider, QA in Chromium — on a fresh PGlite
// database. Per prompt it prints the requirements found, planned, passed and unsupported, and the
// run's status; per chain whether the user's data survived each follow-up; then the totals, with
// the phantom entities and pages (eval/plan-trace.ts: parts of the plan no planned requirement
// asks for or needs).
//
//   npm run eval                      every prompt and chain
//   npm run eval -- --only habit-streak,todo-due-dates
//   npm run eval -- --prompts | --chains   one half only
//   npm run eval -- --set heldout     the first held-out set (eval/heldout.json); its phrasing tuned the compiler from 2026-11-27 on
//   npm run eval -- --set heldout-2   the second held-out set (eval/heldout-2.json), never used to tune the compiler
//   npm run eval -- --json out.json   also writes the raw results (after every prompt and chain, so a cut-short run leaves them)
//   npm run eval -- --run-timeout 900 seconds to wait for one run (default 240; a busy machine needs more)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import cases from "./cases.json";
import heldout from "./heldout.json";
import heldout2 from "./heldout-2.json";
import { formatEval, type ChainResult, type PromptResult } from "./format-eval";

type Case = { id: string; prompt: string };
type Chain = { id: string; steps: { prompt: string }[] };
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sets = { cases, heldout, "heldout-2": heldout2 } as const;
const setName = valueOf("--set") ?? "cases";
if (!(setName in sets)) {
  console.error(`[eval] unknown set "${setName}": one of ${Object.keys(sets).join(", ")}`);
  process.exit(2);
}
const all = sets[setName as keyof typeof sets] as unknown as { prompts: Case[]; chains: Chain[] };
const only = valueOf("--only")?.split(",");
const pick = <T extends { id: string }>(items: T[]) => (only ? items.filter((item) => only.includes(item.id)) : items);
const prompts = flag("--chains") ? [] : pick(all.prompts);
const chains = flag("--prompts") ? [] : pick(all.chains);
const runTimeoutMs = Number(valueOf("--run-timeout") ?? 240) * 1000;
const jsonPath = valueOf("--json");

// A fresh database and data directory before any server module loads.
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-eval-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL ??= "http://localhost:3999";
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("~/server/db");
const { ensureAppExecutor } = await import("~/inngest/embedded-executor");
const { callerAs, createTestUser } = await import("~/server/testing/callers");
const { sendWithInngest } = await import("~/server/pipeline/send-event");
const { isFinishedRunStatus } = await import("~/server/events/run-statuses");
const { readVersionFiles } = await import("~/server/versions/read-version");
const { launchChromium } = await import("~/server/agents/qa/run-acceptance-checks");
const { serveDirectory } = await import("~/server/agents/qa/serve-directory");
const { ZPlan } = await import("~/server/plan/plan-schema");
const { requirementResultsOfRun } = await import("./requirement-results-of-run");
const { tracePlan } = await import("./plan-trace");
const { enterSampleRecord, isSampleRecordShown } = await import("./sample-data");

const database = await getMigratedDatabase();
const db = database.prisma;
const log = (line: string) => console.error(`[eval] ${line}`);

async function waitForRun(runId: string) {
  const deadline = Date.now() + runTimeoutMs;
  let run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  while (!isFinishedRunStatus(run.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  }
  return run;
}

/** The run's outcome in the eval's terms, from what the pipeline stored (plan, qa.result events, status). */
async function summarizeRun(id: string, prompt: string, runId: string, calledAt: number): Promise<PromptResult & { plan: import("~/server/plan/plan-schema").TPlan | null; versionId: string | null }> {
  const run = await waitForRun(runId);
  const parsed = ZPlan.safeParse(run.plan);
  const plan = parsed.success ? parsed.data : null;
  const results = plan ? await requirementResultsOfRun(db, runId, plan) : [];
  const version = await db.projectVersion.findFirst({ where: { runId }, orderBy: { number: "desc" } });
  const requirements = plan?.requirements ?? [];
  const trace = plan ? tracePlan(plan) : { parts: [], phantoms: [] };
  return {
    id,
    prompt,
    status: run.status,
    error: run.error,
    appName: plan?.appName ?? "—",
    found: requirements.length,
    planned: requirements.filter((r) => r.status === "planned").length,
    unsupported: requirements.filter((r) => r.status === "unsupported").length,
    passed: results.filter((r) => r.outcome === "passed").length,
    failed: results.filter((r) => r.outcome === "failed").map((r) => `${r.id} ${requirements.find((q) => q.id === r.id)?.text ?? ""}: ${r.message ?? ""}`.slice(0, 200)),
    unverified: results.filter((r) => r.outcome === "unverified").length,
    unsupportedTexts: requirements.filter((r) => r.status === "unsupported").map((r) => `${r.text} (${r.reason ?? "no reason"})`),
    msToPreview: (run.finishedAt?.getTime() ?? Date.now()) - calledAt,
    phantoms: trace.phantoms,
    parts: trace.parts.length,
    plan,
    versionId: version?.id ?? null,
  };
}

/** Serves each version of a chain at ONE origin (its files swapped in place), as a user's preview keeps its origin. */
async function chainHost() {
  const root = mkdtempSync(path.join(tmpdir(), "epic-eval-app-"));
  const served = await serveDirectory({ root, prefix: "/app/" });
  return {
    baseUrl: served.baseUrl,
    async show(versionId: string) {
      for (const entry of await import("node:fs/promises").then((fs) => fs.readdir(root))) await rm(path.join(root, entry), { recursive: true, force: true });
      for (const file of await readVersionFiles(db, versionId)) {
        const target = path.join(root, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
    },
    async close() {
      await served.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const promptResults: PromptResult[] = [];
const chainResults: ChainResult[] = [];
function saveJson() {
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ prompts: promptResults, chains: chainResults }, null, 2));
}
let browser: Browser | null = null;
try {
  await ensureAppExecutor();
  const { user, workspace } = await createTestUser(db, "eval");
  const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
  log(`database migrated, executor started; ${prompts.length} prompts, ${chains.length} chains`);

  for (const [index, item] of prompts.entries()) {
    const calledAt = Date.now();
    const { run } = await api.project.create({ workspaceId: workspace.id, prompt: item.prompt });
    const { plan: _plan, versionId: _version, ...result } = await summarizeRun(item.id, item.prompt, run.id, calledAt);
    promptResults.push(result);
    saveJson();
    log(`${index + 1}/${prompts.length} ${result.status} ${result.passed}/${result.planned} passed (${result.unsupported} unsupported) ${item.id}`);
  }

  if (chains.length) browser = await launchChromium();
  for (const [index, chain] of chains.entries()) {
    const host = await chainHost();
    const context: BrowserContext = await browser!.newContext();
    const page = await context.newPage();
    const chainResult: ChainResult = { id: chain.id, steps: [] };
    let projectId: string | null = null;
    const samples: Awaited<ReturnType<typeof enterSampleRecord>>[] = [];
    try {
      for (const [stepIndex, step] of chain.steps.entries()) {
        const calledAt = Date.now();
        let runId: string;
        if (!projectId) {
          const created = await api.project.create({ workspaceId: workspace.id, prompt: step.prompt });
          projectId = created.project.id;
          runId = created.run.id;
        } else {
          runId = (await api.project.followUp({ projectId, prompt: step.prompt })).id;
        }
        const { plan, versionId, ...result } = await summarizeRun(`${chain.id}#${stepIndex + 1}`, step.prompt, runId, calledAt);
        let dataKept: boolean | null = null;
        if (versionId && plan) {
          await host.show(versionId);
          const earlier = samples.filter((s) => s !== null);
          if (earlier.length) {
            // One page, one probe at a time: probes side by side navigated the same page under each
            // other (aborted reloads, a record looked for on a page another probe had left).
            const shown: boolean[] = [];
            for (const sample of earlier) shown.push(await isSampleRecordShown(page, host.baseUrl, plan, sample));
            dataKept = shown.every(Boolean);
          }
          samples.push(await enterSampleRecord(page, host.baseUrl, plan, `Eval ${stepIndex + 1}`).catch(() => null));
        } else if (samples.some((s) => s !== null)) {
          dataKept = false; // no new version to look at: the follow-up lost the app
        }
        chainResult.steps.push({ ...result, dataKept });
      }
    } finally {
      await context.close();
      await host.close();
    }
    chainResults.push(chainResult);
    saveJson();
    log(`chain ${index + 1}/${chains.length} ${chain.id}: ${chainResult.steps.map((s) => `${s.status}${s.dataKept === null ? "" : s.dataKept ? " data kept" : " DATA LOST"}`).join(" → ")}`);
  }
} finally {
  await browser?.close();
  const executor = await ensureAppExecutor().catch(() => null);
  await executor?.stop();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(formatEval(promptResults, chainResults));
saveJson();
process.exit(0);
