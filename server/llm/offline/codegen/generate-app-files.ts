// The offline CodeGen for the building-block runtime: plan → the files of a static app that
// renders the plan's app spec. Split by agent like the pipeline's tasks:
//   CodeGen: index.html, styles.css, favicon, src/spec.js (the spec as data), src/main.js (the
//            entry with this app's section modules) and the runtime modules they import;
//   DB:      db/schema.sql, db/seed.json and the data layer (store, expressions);
//   Infra:   package.json with a node --test suite, README, Dockerfile, CI, serve.js and the
//            configs of the project's deploy targets (vercel.json, wrangler.jsonc, deploy/s3.md).
// Runtime modules are copied verbatim from server/llm/offline/runtime/ (readRuntimeFile); only
// the entry, spec.js, index.html and the head of styles.css are written per plan.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { hasRuntimeFile, listRuntimeFiles, readRuntimeFile } from "../read-runtime-file";
import { faviconSvg, indexHtml, stylesCss } from "./app-html";
import { mainJs, sectionModulePath, sectionTypesOf, sharedStoreModulePath, storeModulePath } from "./app-main";
import { isShared, specData } from "./app-spec-data";
import { dbFiles } from "./db-files";
import { infraFiles } from "./infra-files";
import type { TInfraDeploySetup } from "./target-files";
import { jsLiteral } from "./js-literal";
import { moduleClosure } from "./runtime-modules";

/** The runtime's stylesheet, which becomes the app's styles.css after the plan's variables. */
export const stylesRuntimePath = "app.css";

/**
 * The base stylesheet, then each family's section styles (src/sections/*.css), in one file: one
 * request, and every rule under the same CSP-safe <link>. A family's few unused rules cost less
 * than a per-section map that could drift from the modules.
 */
export function runtimeCss(): string {
  const parts = [readRuntimeFile(stylesRuntimePath), ...listRuntimeFiles("src/sections", ".css").map((file) => `/* ─── ${file} ─── */\n${readRuntimeFile(file)}`)];
  return parts.map((part) => part.trimEnd()).join("\n\n") + "\n";
}
/** Written per plan, never copied. */
const perPlanModules = new Set(["src/spec.js"]);
/** The data layer's entry points (the DB agent's files); whatever they import comes along. */
const dataLayerEntries = [storeModulePath, "src/engine/expr.js"];

export function specJs(plan: TPlan): string {
  return `// What this app is made of, as data: its pages and their sections, its records and its look.
// The shell (src/engine/app.js) renders it; edit it to change the app.
export const spec = ${jsLiteral(specData(plan), 2)};
`;
}

/** Runtime modules that sections load by name: a tool's implementation, a quiz's data set. */
function namedModulesOf(plan: TPlan): string[] {
  const paths: string[] = [];
  for (const page of plan.pages) {
    for (const section of page.sections ?? []) {
      if (section.type === "tool") paths.push(`src/tools/${section.tool}.js`);
      if (section.type === "quiz" && section.source.kind === "dataset") paths.push(`src/data/${section.source.dataset}.js`);
    }
  }
  return paths.filter(hasRuntimeFile);
}

const runtimeFile = (appPath: string): TGeneratedFile => ({ path: appPath, content: readRuntimeFile(appPath) });

/** The data layer's modules, when the app keeps records. */
function dataLayerModules(plan: TPlan): string[] {
  const entries = isShared(plan) ? [...dataLayerEntries, sharedStoreModulePath] : dataLayerEntries;
  return plan.entities.length ? moduleClosure(entries.filter(hasRuntimeFile), perPlanModules) : [];
}

export function generateAppCode(plan: TPlan): TGeneratedFile[] {
  const dataLayer = new Set(dataLayerModules(plan));
  // Sections the runtime has no module for yet are left out (see mainJs): the rest still works.
  const sectionModules = sectionTypesOf(plan).map(sectionModulePath).filter(hasRuntimeFile);
  const main = mainJs(plan);
  // The entry's imports, resolved as if it already sat at src/main.js (it does in the app).
  const modules = moduleClosure(["src/engine/app.js", ...sectionModules, ...namedModulesOf(plan)], perPlanModules).filter((p) => !dataLayer.has(p));
  return [
    { path: "index.html", content: indexHtml(plan) },
    { path: "styles.css", content: stylesCss(plan, runtimeCss()) },
    { path: "favicon.svg", content: faviconSvg(plan) },
    { path: "src/main.js", content: main },
    { path: "src/spec.js", content: specJs(plan) },
    ...modules.map(runtimeFile),
  ];
}

export function generateAppData(plan: TPlan): TGeneratedFile[] {
  return [...dbFiles(plan), ...dataLayerModules(plan).map(runtimeFile)];
}

/** `setup`: the project's deploy targets; without it, the preview's alone (no target configs). */
export function generateAppInfra(plan: TPlan, setup?: TInfraDeploySetup): TGeneratedFile[] {
  return infraFiles(plan, setup);
}

/** Every file of the app; each path once (the agents' sets do not overlap). */
export function generateAppFiles(plan: TPlan, setup?: TInfraDeploySetup): TGeneratedFile[] {
  const files = [...generateAppCode(plan), ...generateAppData(plan), ...generateAppInfra(plan, setup)];
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.path) && seen.add(file.path));
}

