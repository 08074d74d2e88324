// The CodeGen agent's offline output: index.html, styles and the ES modules the plan needs.
// Modules that are the same in every app are copied from the runtime folder; only the shell
// (index.html, main.js, config.js) and the theme header of styles.css are written per plan.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import type { ToolId } from "../plan/tool-catalog";
import { readRuntimeFile } from "../read-runtime-file";
import { pageConfigs, type ViewName } from "./app-config";
import { faviconSvg, indexHtml } from "./templates/index-html";
import { configJs, mainJs } from "./templates/main-js";
import { stylesCss } from "./templates/styles-css";

const sharedModules = ["src/lib/dom.js", "src/lib/router.js", "src/lib/format.js", "src/ui/fields.js", "src/ui/empty-state.js"];

/** Runtime files per view, in the order apps list them. */
const viewModules: Array<[ViewName, string[]]> = [
  ["crud", ["src/pages/crud-page.js"]],
  ["board", ["src/pages/board-page.js"]],
  ["dashboard", ["src/pages/dashboard-page.js", "src/lib/charts.js"]],
  ["landing", ["src/pages/landing-page.js"]],
  ["info", ["src/pages/info-page.js"]],
  ["tool", ["src/pages/tools/tool-page.js"]],
];

/** Helper modules (in src/pages/tools/) that a tool's module imports. */
const toolHelpers: Record<ToolId, string[]> = {
  calculator: [],
  converter: [],
  tip: [],
  timer: ["countdown.js"],
  pomodoro: ["countdown.js"],
  stopwatch: [],
  wordcount: [],
  bmi: [],
};

const runtimeFile = (path: string): TGeneratedFile => ({ path, content: readRuntimeFile(path) });

export function generateCode(plan: TPlan): TGeneratedFile[] {
  const pages = pageConfigs(plan);
  const views = new Set(pages.map((p) => p.view));
  const tools = [...new Set(pages.flatMap((p) => (p.tool ? [p.tool] : [])))];
  const helpers = [...new Set(tools.flatMap((tool) => toolHelpers[tool]))];
  return [
    { path: "index.html", content: indexHtml(plan) },
    { path: "styles.css", content: stylesCss(plan) },
    { path: "favicon.svg", content: faviconSvg(plan) },
    { path: "src/main.js", content: mainJs(plan) },
    { path: "src/config.js", content: configJs(plan) },
    ...sharedModules.map(runtimeFile),
    ...viewModules.flatMap(([view, paths]) => (views.has(view) ? paths.map(runtimeFile) : [])),
    ...tools.map((tool) => runtimeFile(`src/pages/tools/${tool}.js`)),
    ...helpers.map((name) => runtimeFile(`src/pages/tools/${name}`)),
  ];
}
