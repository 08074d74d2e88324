// The widgets end to end in Chromium: eval prompts compiled by compileAppPlan (hand-written plans
// where the compiler does not compose the prompt as asked yet — see widgets-plans.ts), generated
// by generateAppFiles, served under the preview CSP, and the checks of the check-ins, board,
// sequence and feed sections run by the QA runner. They must pass with no console errors; and with
// a deliberate bug in a section, the check for that behaviour must fail.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import cases from "~/eval/cases.json";
import { launchChromium, runAcceptanceChecks, type AcceptanceReport } from "~/server/agents/qa/run-acceptance-checks";
import { plantedBugCheckOptions } from "~/server/agents/qa/testing/planted-bug";
import { checkFiles } from "~/server/agents/qa/check-files";
import { serveDirectory } from "~/server/agents/qa/serve-directory";
import { compileAppPlan } from "../../compile-app-plan";
import { missingRuntimeModules } from "../../codegen/app-main";
import { generateAppFiles } from "../../codegen/generate-app-files";
import { hensPlan, medicationsPlan, setlistPlan, waterPlan } from "./widgets-plans";

function compiled(id: string): TPlan {
  const prompt = (cases as { prompts: { id: string; prompt: string }[] }).prompts.find((c) => c.id === id)!.prompt;
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

/** The checks of this family's sections (others' blocks are proven by their own tests). */
const widgetChecks = (plan: TPlan) => plan.acceptanceChecks.filter((c) => /^(checkins|board|sequence|week-plan|feed)-/.test(c.id));

let browser: Browser;
let root: string;
beforeAll(async () => {
  browser = await launchChromium();
  root = await mkdtemp(path.join(tmpdir(), "widgets-blocks-"));
});
afterAll(async () => {
  await browser?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

type Bug = { file: string; find: string; replace: string };

async function runChecks(name: string, plan: TPlan, checks: TPlan["acceptanceChecks"], bug?: Bug): Promise<AcceptanceReport> {
  let files: TGeneratedFile[] = generateAppFiles(plan);
  if (bug) {
    const target = files.find((f) => f.path === bug.file);
    if (!target || !target.content.includes(bug.find)) throw new Error(`The bug to plant is not in ${bug.file}: ${bug.find}`);
    files = files.map((f) => (f === target ? { ...f, content: f.content.replace(bug.find, bug.replace) } : f));
  }
  const dir = path.join(root, name);
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.content);
  }
  const served = await serveDirectory({ root: dir, prefix: `/preview/p-${name}/v1` });
  try {
    // Room for a busy machine (the cases run concurrently); only a failing step waits it out.
    return await runAcceptanceChecks({ baseUrl: served.baseUrl, plan: { acceptanceChecks: checks }, browser, stepTimeoutMs: 6_000, ...(bug ? plantedBugCheckOptions : {}) });
  } finally {
    await served.close();
  }
}

const failures = (report: AcceptanceReport) => report.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);

const apps: Array<[string, () => TPlan, string[]]> = [
  ["habit-streak", () => compiled("habit-streak"), ["checkins-today-tick", "checkins-today-streak"]],
  ["guestbook", () => compiled("guestbook"), ["feed-messages"]],
  ["kanban-four-columns", () => compiled("kanban-four-columns"), ["board-board-columns", "board-board-move", "board-board-drag"]],
  // As compiled from the eval prompt: songs dragged from the library into the set, totalled there.
  ["band-setlist", () => compiled("band-setlist"), ["sequence-setlist-order", "sequence-setlist-drag"]],
  // As compiled from the eval prompt: times of day are separate doses, each tick kept with its time.
  ["mum-medications", () => compiled("mum-medications"), ["checkins-today-tick", "checkins-today-due-today"]],
  // A week of meals by slot, and the shopping list of the week's planned meals.
  ["meal-planner-shopping", () => compiled("meal-planner-shopping"), ["week-plan-meal-plan-week", "week-plan-meal-plan-shopping"]],
  ["hens", hensPlan, ["checkins-eggs-today-count"]],
  ["water", waterPlan, ["checkins-glasses-today-count", "checkins-glasses-today-due-today"]],
  // Monthly ticks: rent paid per flat, the flats late this month, the rent collected this year.
  ["landlord-rent", () => compiled("landlord-rent"), ["checkins-rent-came-in-tick", "checkins-days-late-late", "checkins-rent-collected-this-year-total"]],
];

// The passing apps run one at a time: side by side on a loaded machine their page loads
// overran the step timeouts. The planted bugs below run concurrently (each its own app and
// browser context on the shared browser, at most the project's maxConcurrency at once): a
// planted bug's check mostly waits out its step timeout before it fails.
describe("widget blocks in Chromium", () => {
  it.for(apps)("%s: the widget checks pass", { timeout: 240_000 }, async ([name, makePlan, ids], ctx) => {
    const plan = makePlan();
    // Plans whose records live in a records section need that module (data-records) in the runtime.
    const missing = missingRuntimeModules(plan);
    ctx.skip(missing.length > 0, `the runtime has no ${missing.join(", ")} yet`);
    const checks = widgetChecks(plan);
    expect(checks.map((c) => c.id)).toEqual(ids);
    // QA's static checks (imports resolve, no inline script or HTML strings) pass on the generated app.
    expect(await checkFiles(generateAppFiles(plan))).toEqual([]);
    const report = await runChecks(name, plan, checks);
    expect(failures(report)).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
  });
});

describe.concurrent("widget checks fail on a broken app", () => {
  const bugs: Array<[string, () => TPlan, string, Bug]> = [
    ["a tick saved on today whatever the day shown", () => compiled("habit-streak"), "checkins-today-streak", { file: "src/sections/checkins.js", find: "[fields.date]: day, [fields.count]: 1", replace: "[fields.date]: todayIso(), [fields.count]: 1" }],
    ["an untick that removes nothing", () => compiled("habit-streak"), "checkins-today-tick", { file: "src/sections/checkins.js", find: "for (const entry of entriesOf(record, day, slot || undefined)) app.store.remove", replace: "for (const entry of []) app.store.remove" }],
    ["one dose ticks them all", medicationsPlan, "checkins-today-s-doses-due-today", { file: "src/sections/checkins.js", find: "if (!isDone(record, today, slot)) due.push", replace: "if (!isDone(record, today)) due.push" }],
    ["a count that forgets the day", hensPlan, "checkins-eggs-today-count", { file: "src/sections/checkins.js", find: "keyOf(entry[fields.date]) === keyOf(day)", replace: "true" }],
    ["a month's tick saved on this month whatever the month shown", () => compiled("landlord-rent"), "checkins-rent-came-in-tick", { file: "src/sections/checkins.js", find: "[fields.date]: day, [fields.count]: 1", replace: "[fields.date]: todayIso(), [fields.count]: 1" }],
    ["lateness read from the month, not the day", () => compiled("landlord-rent"), "checkins-days-late-late", { file: "src/engine/expr.js", find: "return day ? Number(day.slice(8, 10)) : null;", replace: "return day ? Number(day.slice(5, 7)) : null;" }],
    ["last year's rent counted in this year's", () => compiled("landlord-rent"), "checkins-rent-collected-this-year-total", { file: "src/engine/expr.js", find: "return day.slice(0, 4) === now.slice(0, 4);", replace: "return true;" }],
    ["a goal never reached", waterPlan, "checkins-glasses-today-count", { file: "src/sections/checkins.js", find: "const reached = goal && count >= goal;", replace: "const reached = goal && count > goal;" }],
    ["a card's column ignored", () => compiled("kanban-four-columns"), "board-board-move", { file: "src/sections/board.js", find: "const value = record[field.name];", replace: "const value = undefined;" }],
    ["columns that take no drop", () => compiled("kanban-four-columns"), "board-board-drag", { file: "src/sections/board.js", find: "if (canDrag) dropZone(", replace: "if (false) dropZone(" }],
    ["an order not kept", setlistPlan, "sequence-setlist-order", { file: "src/sections/sequence.js", find: ".sort((a, b) => place(a.item) - place(b.item) || a.index - b.index)", replace: ".sort((a, b) => a.index - b.index)" }],
    ["a total missing the first song", setlistPlan, "sequence-setlist-order", { file: "src/sections/sequence.js", find: "return items.reduce(", replace: "return items.slice(1).reduce(" }],
    ["items that take no drop", setlistPlan, "sequence-setlist-drag", { file: "src/sections/sequence.js", find: "dropZone(element, \"item\"", replace: "void (element, \"item\"" }],
    ["a set length rounded to whole minutes", () => compiled("band-setlist"), "sequence-setlist-order", { file: "src/engine/expr.js", find: "Math.round(Math.abs(n) * 60)", replace: "Math.round(Math.abs(n)) * 60" }],
    ["a song from the library put last, not where it was dropped", () => compiled("band-setlist"), "sequence-setlist-drag", { file: "src/sections/sequence.js", find: "addPicked(dropped.slice(PICK.length), toIndex)", replace: "addPicked(dropped.slice(PICK.length), null)" }],
    ["a slot kept by weekday, not by date", () => compiled("meal-planner-shopping"), "week-plan-meal-plan-week", { file: "src/sections/weekPlan.js", find: "r.date === date && r.slot === slot", replace: "weekdayOf(r.date) === weekdayOf(date) && r.slot === slot" }],
    ["every week's meals on this week's list", () => compiled("meal-planner-shopping"), "week-plan-meal-plan-shopping", { file: "src/sections/weekPlan.js", find: "const planned = days.flatMap((date) => slots.map((slot) => find(date, slot)).filter(Boolean));", replace: "const planned = filled();" }],
    ["Milk and milk listed apart", () => compiled("meal-planner-shopping"), "week-plan-meal-plan-shopping", { file: "src/sections/weekPlan.js", find: "const key = word.toLowerCase();", replace: "const key = word;" }],
    ["oldest first", () => compiled("guestbook"), "feed-messages", { file: "src/sections/feed.js", find: "if (order !== \"oldest\") sorted.reverse();", replace: "" }],
  ];

  it.for(bugs)("%s fails its check", { timeout: 240_000 }, async ([label, makePlan, checkId, bug], ctx) => {
    const plan = makePlan();
    const missing = missingRuntimeModules(plan);
    ctx.skip(missing.length > 0, `the runtime has no ${missing.join(", ")} yet`);
    const check = plan.acceptanceChecks.find((c) => c.id === checkId);
    expect(check, `no check ${checkId}`).toBeDefined();
    const report = await runChecks(`broken-${label.replace(/[^a-z]+/g, "-")}`, plan, [check!], bug);
    expect(report.checks[0]!.passed, report.checks[0]!.message).toBe(false);
  });
});
