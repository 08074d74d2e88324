// The content family end to end in Chromium: real prompts of the eval set compiled by
// compileAppPlan (hand-written plans where the compiler does not produce the section yet), the
// sections rendered by the runtime modules in a stand-in shell (runtime-tests/content-harness),
// served under the preview CSP, and the checks our generators wrote run by the QA runner. They
// must pass; and with a deliberate bug in the runtime, the check for that behaviour must fail.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZPlan, type TPlan, type TPlanInput } from "~/server/plan/plan-schema";
import cases from "~/eval/cases.json";
import { launchChromium, runAcceptanceChecks, type AcceptanceReport } from "~/server/agents/qa/run-acceptance-checks";
import { plantedBugCheckOptions } from "~/server/agents/qa/testing/planted-bug";
import { serveDirectory } from "~/server/agents/qa/serve-directory";
import { buildAcceptanceChecks } from "../../checks/index";
import { compileAppPlan } from "../../compile-app-plan";
import { runtimeCss } from "../../codegen/generate-app-files";
import { runtimeDir } from "../../read-runtime-file";
import { datasetQuestions } from "~/server/llm/offline/runtime/src/content/questions.js";
import { datasets } from "~/server/llm/offline/runtime/src/data/index.js";

const harnessDir = path.join(process.cwd(), "server/llm/offline/runtime-tests/content-harness");

/** The plan compiled from an eval prompt (by its id) or from a prompt given in full. */
function compiled(id: string): TPlan {
  const prompt = (cases as { prompts: { id: string; prompt: string }[] }).prompts.find((c) => c.id === id)?.prompt ?? id;
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

/** A plan written by hand for what the compiler does not produce yet; its checks come from the generators. */
function handWritten(input: Omit<TPlanInput, "acceptanceChecks" | "tasks" | "features" | "summary" | "kind"> & Partial<TPlanInput>): TPlan {
  const base = ZPlan.parse({ summary: input.appName, kind: "tool", features: [], tasks: [{ id: "build", agent: "CodeGen", description: "Build it" }], acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }], ...input });
  return ZPlan.parse({ ...base, acceptanceChecks: buildAcceptanceChecks(base) });
}

/** Our checks (and the baseline ones the stand-in shell can honour); the look belongs to the shell's theme. */
// The records family's checks (records-*, form-*, entity-*) need the real shell and records
// section; they are proven in blocks/data/records-blocks.integration.test.ts.
const checksOf = (plan: TPlan) => plan.acceptanceChecks.filter((c) => c.id !== "app-look" && !/^(records|form|entity)-/.test(c.id));

let browser: Browser;
let root: string;
beforeAll(async () => {
  browser = await launchChromium();
  root = await mkdtemp(path.join(tmpdir(), "content-blocks-"));
});
afterAll(async () => {
  await browser?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Writes the stand-in app for `plan`; `breakIt` edits one runtime file first (path under src/, text to find, replacement). */
async function buildApp(name: string, plan: TPlan, breakIt?: { file: string; find: string; replace: string }): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, "harness"), { recursive: true });
  await cp(path.join(runtimeDir, "src"), path.join(dir, "src"), { recursive: true });
  // The stylesheet a generated app gets: the runtime's base and every section family's CSS.
  await writeFile(path.join(dir, "styles.css"), runtimeCss());
  await cp(path.join(harnessDir, "index.html"), path.join(dir, "index.html"));
  for (const file of ["shell.js", "test-app.js"]) await cp(path.join(harnessDir, file), path.join(dir, "harness", file));
  const spec = { appName: plan.appName, pages: plan.pages, entities: plan.entities, theme: plan.theme, storage: plan.storage ?? { key: name, version: 1 } };
  await writeFile(path.join(dir, "harness", "spec.js"), `export const spec = ${JSON.stringify(spec)};\n`);
  if (breakIt) {
    const target = path.join(dir, "src", breakIt.file);
    const text = await readFile(target, "utf8");
    if (!text.includes(breakIt.find)) throw new Error(`The bug to plant is not in ${breakIt.file}: ${breakIt.find}`);
    await writeFile(target, text.replace(breakIt.find, breakIt.replace));
  }
  return dir;
}

async function runChecks(name: string, plan: TPlan, checks = checksOf(plan), breakIt?: Parameters<typeof buildApp>[2]): Promise<AcceptanceReport> {
  const dir = await buildApp(name, plan, breakIt);
  const served = await serveDirectory({ root: dir, prefix: `/preview/${name}/` });
  try {
    // Room for a busy machine (the cases run concurrently); only a failing step waits it out.
    return await runAcceptanceChecks({ baseUrl: served.baseUrl, plan: { acceptanceChecks: checks }, browser, stepTimeoutMs: 5_000, ...(breakIt ? plantedBugCheckOptions : {}) });
  } finally {
    await served.close();
  }
}

const failures = (report: AcceptanceReport) => report.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);

/** Every planned requirement of the plan's content sections has a check. */
function uncheckedRequirements(plan: TPlan): string[] {
  const checked = new Set(plan.acceptanceChecks.flatMap((c) => c.requirementIds ?? []));
  return (plan.requirements ?? []).filter((r) => r.status === "planned" && r.kind !== "look" && r.kind !== "name" && !checked.has(r.id)).map((r) => `${r.id} ${r.kind} "${r.quote}"`);
}

const wedding = () =>
  handWritten({
    appName: "Wedding Countdown",
    theme: { colorScheme: "light", accent: "#db2777" },
    requirements: [
      { id: "r1", kind: "computed", text: "Counts down the days, hours, minutes and seconds", quote: "countdown", promptIndex: 0, status: "planned" },
      { id: "r2", kind: "content", text: "The countdown is to my wedding day", quote: "my wedding day", promptIndex: 0, status: "planned" },
      { id: "r3", kind: "content", text: "Counts down to 12 September", quote: "12 September", promptIndex: 0, status: "planned" },
    ],
    pages: [{ path: "/", title: "Countdown", purpose: "The countdown", sections: [{ type: "timer", title: "Countdown to my wedding day", mode: "countdown", target: "09-12", requirementIds: ["r1", "r2", "r3"] }] }],
    entities: [],
  });

// The pomodoro chain's last step as it should be planned (the compiler does not yet turn "let me
// change the work length" into `editable` or connect the session log to the timer).
const pomodoroWithLog = () =>
  handWritten({
    appName: "Pomodoro Timer",
    theme: { colorScheme: "light", accent: "#4f46e5" },
    requirements: [
      { id: "r1", kind: "interaction", text: "A pomodoro timer you can start, pause and reset", quote: "pomodoro timer", promptIndex: 0, status: "planned" },
      { id: "r2", kind: "content", text: "25 minutes of work, then a 5-minute break", quote: "25/5 cycles", promptIndex: 0, status: "planned" },
      { id: "r3", kind: "interaction", text: "The lengths can be changed", quote: "change the work length", promptIndex: 1, status: "planned" },
      { id: "r4", kind: "entity", text: "Keep a log of completed sessions", quote: "log of completed sessions", promptIndex: 2, status: "planned" },
      { id: "r5", kind: "field", text: "Each session has what I worked on", quote: "what I worked on", promptIndex: 2, status: "planned" },
    ],
    entities: [{ name: "Session", pluralLabel: "Sessions", fields: [{ name: "whatIWorkedOn", label: "What I worked on", type: "string", required: true }, { name: "date", label: "Date", type: "date" }], requirementIds: ["r4"] }],
    pages: [
      { path: "/", title: "Pomodoro", purpose: "The timer", sections: [{ type: "timer", title: "Pomodoro", mode: "pomodoro", workMinutes: 25, breakMinutes: 5, longBreakMinutes: 15, longBreakEvery: 4, editable: true, logEntity: "Session", requirementIds: ["r1", "r2", "r3", "r4", "r5"] }] },
      { path: "/sessions", title: "Sessions", purpose: "Finished sessions", sections: [{ type: "records", title: "Sessions", entity: "Session", requirementIds: ["r4"] }] },
    ],
  });

const ownQuestions = () =>
  handWritten({
    appName: "Quiz Maker",
    theme: { colorScheme: "light", accent: "#4f46e5" },
    requirements: [{ id: "r1", kind: "interaction", text: "A quiz on my own questions", quote: "quiz", promptIndex: 0, status: "planned" }, { id: "r2", kind: "computed", text: "Shows the score as a percentage", quote: "percentage", promptIndex: 0, status: "planned" }],
    entities: [{ name: "Question", pluralLabel: "Questions", fields: [{ name: "question", label: "Question", type: "string", required: true }, { name: "answer", label: "Answer", type: "string", required: true }], requirementIds: ["r1"] }],
    pages: [
      { path: "/", title: "Quiz", purpose: "Take the quiz", sections: [{ type: "quiz", title: "Quiz", source: { kind: "entity", entity: "Question", promptField: "question", answerField: "answer" }, score: "percent", requirementIds: ["r1", "r2"] }] },
      { path: "/questions", title: "Questions", purpose: "Write questions", sections: [{ type: "records", title: "Questions", entity: "Question", requirementIds: ["r1"] }] },
    ],
  });

const clocks = () =>
  handWritten({
    appName: "Kitchen Clocks",
    theme: { colorScheme: "light", accent: "#4f46e5" },
    requirements: [{ id: "r1", kind: "interaction", text: "A countdown timer", quote: "timer", promptIndex: 0, status: "planned" }, { id: "r2", kind: "interaction", text: "A stopwatch with laps", quote: "stopwatch", promptIndex: 0, status: "planned" }, { id: "r3", kind: "computed", text: "Do arithmetic", quote: "calculator", promptIndex: 0, status: "planned" }],
    entities: [],
    pages: [
      { path: "/", title: "Timer", purpose: "Timer", sections: [{ type: "timer", title: "Egg timer", mode: "countdown", sound: true, requirementIds: ["r1"] }] },
      { path: "/stopwatch", title: "Stopwatch", purpose: "Stopwatch", sections: [{ type: "timer", title: "Stopwatch", mode: "stopwatch", requirementIds: ["r2"] }] },
      { path: "/calculator", title: "Calculator", purpose: "Calculator", sections: [{ type: "tool", title: "Calculator", tool: "calculator", config: {}, requirementIds: ["r3"] }] },
    ],
  });

// The passing apps run one at a time: side by side on a loaded machine their page loads
// overran the step timeouts. The planted bugs below run concurrently (each its own app and
// browser context on the shared browser, at most the project's maxConcurrency at once): a
// planted bug's check mostly waits out its step timeout before it fails.
describe("content blocks in Chromium", { timeout: 240_000 }, () => {
  const evalApps = ["europe-capitals-quiz", "times-table-kids", "spanish-flashcards", "unit-converter", "tip-split", "bmi-calculator", "mortgage-calculator", "word-counter", "password-generator", "recipe-scaler", "pomodoro-timer", "currency-live-rates"];

  it.each(evalApps)("%s: the compiled plan's checks pass", async (id) => {
    const plan = compiled(id);
    const report = await runChecks(id, plan);
    expect(failures(report)).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(2);
    expect(uncheckedRequirements(plan)).toEqual([]);
  });

  it.each([
    ["wedding-countdown", wedding],
    ["pomodoro-with-log", pomodoroWithLog],
    ["own-questions", ownQuestions],
    ["clocks", clocks],
  ] as const)("%s: the hand-written plan's checks pass", async (name, plan) => {
    const report = await runChecks(name, plan());
    expect(failures(report)).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
  });

  it.each(["percentage calculator", "age calculator"])("percentage and age calculators: %s", async (prompt) => {
    const plan = compiled(prompt);
    expect(uncheckedRequirements(plan), prompt).toEqual([]);
    const report = await runChecks(`tool-${prompt.split(" ")[0]}`, plan);
    expect(failures(report), prompt).toEqual([]);
  });

  it.each(["quiz on US state capitals", "periodic table quiz on element symbols with a percentage score", "flags of the world quiz", "quiz me on capitals of Asian countries", "flashcards to learn spanish vocabulary, I type the cards myself"])("other data sets and own cards: %s", async (prompt) => {
    const result = compileAppPlan(prompt);
    if (!result.ok) throw new Error(result.error);
    const report = await runChecks(`data-${prompt.split(" ")[0]}`, result.plan);
    expect(failures(report), prompt).toEqual([]);
  });
});

describe.concurrent("content checks fail on a broken app", { timeout: 240_000 }, () => {
  const europe = () => compiled("europe-capitals-quiz");
  // The first question of round 1 whose answer the checks know independently.
  const firstKnown = () => datasetQuestions(datasets["europe-capitals"]!, 10, 1).map((q) => /capital of (?:the )?(.+)\?$/.exec(q.prompt)![1]!)[0]!;

  const cases: [string, () => TPlan, string, { file: string; find: string; replace: string }][] = [
    ["a score off by one", europe, "quiz-european-capitals-quiz-score", { file: "content/questions.js", find: 'return correct + " / " + total;', replace: 'return correct + 1 + " / " + total;' }],
    ["a wrong capital", europe, "quiz-european-capitals-quiz-right-answers", { file: "data/countries.js", find: "", replace: "" }],
    ["stars counted as a fraction", () => compiled("times-table-kids"), "quiz-times-tables-score", { file: "content/questions.js", find: 'if (format === "stars") return plural(correct, "star");', replace: "" }],
    ["missed cards not brought back", () => compiled("spanish-flashcards"), "flashcards-practice-missed-come-back", { file: "content/deck.js", find: "(knew ? 2 ** (box + 1) : 2)", replace: "Math.max(1, ids.length)" }],
    ["a card answered that stays on show", () => compiled("flashcards to learn spanish vocabulary, I type the cards myself"), "flashcards-practice-own-cards", { file: "sections/flashcards.js", find: "    currentId = nextCardId(ids(), progress);\n    flipped = false;", replace: "    flipped = false;" }],
    ["a flip that shows the front again", () => compiled("spanish-flashcards"), "flashcards-practice-flip", { file: "sections/flashcards.js", find: "const side = flipped ?", replace: "const side = false ?" }],
    ["a wrong mile", () => compiled("unit-converter"), "convert-km-mi", { file: "tools/unit-converter.js", find: "factor: 1609.344", replace: "factor: 1600" }],
    ["a tip on the total", () => compiled("tip-split"), "tip-split-per-person", { file: "tools/tip-split.js", find: "perPerson: total / Math.max(1, Math.floor(people))", replace: "perPerson: total / Math.max(1, Math.floor(people) + 1)" }],
    ["BMI categories shifted", () => compiled("bmi-calculator"), "bmi-categories", { file: "tools/bmi.js", find: "if (bmi < 25) return", replace: "if (bmi < 30) return" }],
    ["a mortgage one year short", () => compiled("mortgage-calculator"), "mortgage-monthly-payment", { file: "tools/mortgage.js", find: "const months = Math.round(years * 12);\n  const r", replace: "const months = Math.round(years * 12) - 12;\n  const r" }],
    ["characters without spaces", () => compiled("word-counter"), "word-count-characters", { file: "tools/word-counter.js", find: "characters: [...value].length", replace: "characters: [...value.replace(/\\s/g, \"\")].length" }],
    ["a password one short", () => compiled("password-generator"), "password-length", { file: "tools/password-generator.js", find: "while (chars.length < length)", replace: "while (chars.length < length - 1)" }],
    ["symbols despite the box", () => compiled("password-generator"), "password-numbers-symbols", { file: "tools/password-generator.js", find: "if (options.symbols) sets.push", replace: "sets.push" }],
    ["amounts not scaled", () => compiled("recipe-scaler"), "recipe-scales", { file: "tools/recipe-scaler.js", find: "return (formatAmount(amount * factor)", replace: "return (formatAmount(amount)" }],
    ["no long break", () => compiled("pomodoro-timer"), "pomodoro-long-break", { file: "content/clock.js", find: "workDone % every === 0", replace: "workDone % (every + 1) === 0" }],
    ["today's count forgotten on reload", () => compiled("pomodoro-timer"), "pomodoro-count-today", { file: "sections/timer.js", find: 'return Number(prefs.get("counts", {})', replace: 'return Number(({})' }],
    ["a silent timer", () => compiled("pomodoro-timer"), "pomodoro-sound", { file: "content/sound.js", find: "oscillator.start(start + offset);", replace: "throw new Error(\"muted\");" }],
    ["a countdown a day out", wedding, "countdown-days-left", { file: "content/clock.js", find: "return Math.round((end - start) / 86_400_000);", replace: "return Math.round((end - start) / 86_400_000) + 1;" }],
    ["lengths not kept", pomodoroWithLog, "pomodoro-lengths-kept", { file: "sections/timer.js", find: 'prefs.set("lengths"', replace: 'void ("lengths"' }],
    ["a percentage change the wrong way round", () => compiled("percentage calculator"), "percentage-three-ways", { file: "tools/percentage.js", find: "((to - from) / Math.abs(from))", replace: "((from - to) / Math.abs(from))" }],
    ["an age a year too old", () => compiled("age calculator"), "age-from-date-of-birth", { file: "tools/age.js", find: "if (birthdayIn(birth, day.getFullYear()) > day) years -= 1;", replace: "" }],
    ["history oldest first", () => compiled("currency-live-rates"), "currency-history", { file: "tools/currency-converter.js", find: "[{ amount: value, from: from.value, to: to.value, result: converted }, ...history]", replace: "[...history, { amount: value, from: from.value, to: to.value, result: converted }]" }],
  ];

  it.each(cases)("%s fails its check", async (name, makePlan, checkId, bug) => {
    const plan = makePlan();
    const check = plan.acceptanceChecks.find((c) => c.id === checkId);
    expect(check, `no check ${checkId} in ${plan.acceptanceChecks.map((c) => c.id).join(", ")}`).toBeDefined();
    let planted = bug;
    if (name === "a wrong capital") {
      const country = firstKnown();
      const text = await readFile(path.join(runtimeDir, "src/data/countries.js"), "utf8");
      const row = new RegExp(`\\["${country}", "([^"]+)"`).exec(text)!;
      planted = { file: "data/countries.js", find: row[0], replace: `["${country}", "Springfield"` };
    }
    const report = await runChecks(`broken-${name.replace(/[^a-z]+/g, "-")}`, plan, [check!], planted);
    expect(report.checks[0]!.passed, report.checks[0]!.message).toBe(false);
  });
});
