// The figure sections end to end in Chromium: plans with stats, group tables and charts (compiled
// from eval prompts, and hand-written for what the compiler does not compose yet) → generateAppFiles
// → served under the preview CSP → the figure checks our generators wrote, run by the QA runner.
// They add records through the records section's form and read the figures; they must pass. With a
// deliberate bug in the runtime (a wrong share, a period ignored, conditions ignored, empty groups
// dropped, no redraw after adding), the check for that behaviour must fail.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import cases from "~/eval/cases.json";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { launchChromium, runAcceptanceChecks, type AcceptanceReport } from "~/server/agents/qa/run-acceptance-checks";
import { plantedBugCheckOptions } from "~/server/agents/qa/testing/planted-bug";
import { serveDirectory } from "~/server/agents/qa/serve-directory";
import { missingRuntimeModules } from "../../codegen/app-main";
import { generateAppFiles } from "../../codegen/generate-app-files";
import { compileAppPlan } from "../../compile-app-plan";
import { dealsPlan, invoicesPlan, salesPlan, spendingPlan, workoutsPlan } from "./figure-plans";

const isFigureCheck = (id: string) => /^(stats|group-table|chart)-/.test(id);
/** The figure checks of a plan, and the baseline "app loads". */
const figureChecks = (plan: TPlan) => plan.acceptanceChecks.filter((c) => isFigureCheck(c.id) || c.id === "app-loads");

function compiled(id: string): TPlan {
  const prompt = (cases as { prompts: { id: string; prompt: string }[] }).prompts.find((c) => c.id === id)?.prompt ?? id;
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

/** Replaces `from` in one generated file (a planted bug); fails loudly if it is not there. */
function breakFile(files: TGeneratedFile[], filePath: string, from: string, to: string): TGeneratedFile[] {
  return files.map((file) => {
    if (file.path !== filePath) return file;
    if (!file.content.includes(from)) throw new Error(`${filePath} has no ${from} to break`);
    return { ...file, content: file.content.replace(from, to) };
  });
}

let browser: Browser;
let root: string;
beforeAll(async () => {
  browser = await launchChromium();
  root = await mkdtemp(path.join(tmpdir(), "figure-blocks-"));
});
afterAll(async () => {
  await browser?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

async function serveAndCheck(name: string, plan: TPlan, files: TGeneratedFile[], checks = figureChecks(plan), isBroken = false): Promise<AcceptanceReport> {
  const dir = path.join(root, name);
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  const served = await serveDirectory({ root: dir, prefix: `/preview/p-${name}/v1` });
  try {
    // Generous: the machine this runs on may be busy, and only failures wait the whole timeout.
    return await runAcceptanceChecks({ baseUrl: served.baseUrl, plan: { acceptanceChecks: checks }, browser, stepTimeoutMs: 8_000, ...(isBroken ? plantedBugCheckOptions : {}) });
  } finally {
    await served.close();
  }
}

const failures = (report: AcceptanceReport) => report.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);

const handWritten: Array<[string, () => TPlan, string[]]> = [
  ["spending", spendingPlan, ["chart-spending-by-category", "stats-spent-this-month", "stats-number-of-expenses", "group-table-per-category"]],
  ["invoices", invoicesPlan, ["stats-unpaid-total", "group-table-owed-per-client", "chart-unpaid-by-client"]],
  ["workouts", workoutsPlan, ["chart-workouts-per-week", "chart-minutes-per-month", "group-table-per-type"]],
  ["sales", salesPlan, ["group-table-top-selling-products", "chart-sales-per-month"]],
  ["deals", dealsPlan, ["chart-deal-value-per-stage"]],
];

// The passing apps run one at a time: side by side on a loaded machine their page loads
// overran the step timeouts. The planted bugs below run concurrently (each its own app and
// browser context on the shared browser, at most the project's maxConcurrency at once): a
// planted bug's check mostly waits out its step timeout before it fails.
describe("figure blocks in Chromium", () => {
  it.for(handWritten)("%s: every figure check passes", { timeout: 240_000 }, async ([name, makePlan, ids], ctx) => {
    const plan = makePlan();
    const missing = missingRuntimeModules(plan);
    ctx.skip(missing.length > 0, `the runtime has no ${missing.join(", ")} yet`);
    expect(plan.acceptanceChecks.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    const report = await serveAndCheck(name, plan, generateAppFiles(plan));
    expect(failures(report)).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
  });

  // Eval prompts whose compiled plans have figures: a pie this month, bars per week, a line per month, totals, averages as a percentage.
  const evalApps = ["spending-pie-month", "workouts-bar-weekly", "wick-and-wax-sales", "car-maintenance", "mini-crm", "hen-eggs", "teacher-gradebook"];
  it.for(evalApps)("%s: the compiled plan's figure checks pass", { timeout: 240_000 }, async (id, ctx) => {
    const plan = compiled(id);
    const missing = missingRuntimeModules(plan);
    ctx.skip(missing.length > 0, `the runtime has no ${missing.join(", ")} yet`);
    expect(plan.acceptanceChecks.filter((c) => isFigureCheck(c.id)).length).toBeGreaterThan(0);
    const report = await serveAndCheck(id, plan, generateAppFiles(plan));
    expect(failures(report)).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
  });
});

describe.concurrent("figure checks fail on a broken app", () => {
  type Bug = { file: string; find: string; replace: string };
  const bugs: Array<[string, () => TPlan, string, Bug]> = [
    ["a wrong share", spendingPlan, "chart-spending-by-category", { file: "src/charts/series.js", find: "(100 * Math.max(0, g.value)) / total", replace: "(100 * Math.max(0, g.value)) / (total + 10)" }],
    ["the chart's period ignored", spendingPlan, "chart-spending-by-category", { file: "src/charts/series.js", find: "(!period || inDateRange(", replace: "(true || inDateRange(" }],
    ["the compiled pie's period ignored", () => compiled("spending-pie-month"), "chart-spending-by-category", { file: "src/charts/series.js", find: "(!period || inDateRange(", replace: "(true || inDateRange(" }],
    ["a month that never ends", spendingPlan, "stats-spent-this-month", { file: "src/engine/expr.js", find: 'return day.slice(0, 7) === now.slice(0, 7);', replace: "return true;" }],
    ["empty groups dropped", spendingPlan, "group-table-per-category", { file: "src/sections/groupTable.js", find: 'section.includeEmptyGroups !== false', replace: "false" }],
    ["the table's conditions ignored", invoicesPlan, "group-table-owed-per-client", { file: "src/sections/groupTable.js", find: "{ where: section.where }", replace: "{}" }],
    ["a total that does not follow the records", invoicesPlan, "stats-unpaid-total", { file: "src/sections/stats.js", find: "return app.store.subscribe(draw);", replace: "return () => {};" }],
    ["a bar chart drawn as something else", workoutsPlan, "chart-workouts-per-week", { file: "src/sections/chart.js", find: 'bar: "bar chart"', replace: 'bar: "chart"' }],
    ["weeks starting on Sunday", workoutsPlan, "chart-workouts-per-week", { file: "src/engine/expr.js", find: "const weekday = (new Date(n * dayMs).getUTCDay() + 6) % 7;", replace: "const weekday = new Date(n * dayMs).getUTCDay();" }],
    ["bars that count deals instead of adding their value", dealsPlan, "chart-deal-value-per-stage", { file: "src/charts/series.js", find: 'agg: section.measure?.agg || "count"', replace: 'agg: "count"' }],
    ["an average of the plain marks, not of their percentages", () => compiled("teacher-gradebook"), "group-table-average-per-student", { file: "src/engine/expr.js", find: ": (100 * part) / whole;", replace: ": part;" }],
    ["last week's eggs counted in this week's", () => compiled("hen-eggs"), "group-table-eggs-per-hen-this-week", { file: "src/sections/groupTable.js", find: "{ where: section.where }", replace: "{}" }],
    ["the best layer not ranked first", () => compiled("hen-eggs"), "group-table-best-layer", { file: "src/sections/groupTable.js", find: 'section.sort.direction === "desc" ? -1 : 1', replace: "0" }],
    ["products sorted the wrong way", salesPlan, "group-table-top-selling-products", { file: "src/sections/groupTable.js", find: 'section.sort.direction === "desc" ? -1 : 1', replace: 'section.sort.direction === "desc" ? 1 : -1' }],
  ];

  it.for(bugs)("%s fails its check", { timeout: 240_000 }, async ([name, makePlan, checkId, bug], ctx) => {
    const plan = makePlan();
    const missing = missingRuntimeModules(plan);
    ctx.skip(missing.length > 0, `the runtime has no ${missing.join(", ")} yet`);
    const check = plan.acceptanceChecks.find((c) => c.id === checkId);
    expect(check, `no check ${checkId} in ${plan.acceptanceChecks.map((c) => c.id).join(", ")}`).toBeDefined();
    const files = breakFile(generateAppFiles(plan), bug.file, bug.find, bug.replace);
    const report = await serveAndCheck(`broken-${name.replace(/[^a-z]+/g, "-")}`, plan, files, [check!], true);
    expect(report.checks[0]!.passed, report.checks[0]!.message).toBe(false);
  });
});
