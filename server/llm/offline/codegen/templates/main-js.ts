// src/main.js and src/config.js: app shell wiring for a specific plan. The shell's logic is the
// runtime file src/main.js; only its page imports and view tables are filled in per plan.
import type { TPlan } from "~/server/plan/plan-schema";
import { fillSlots } from "../../fill-slots";
import { readRuntimeFile } from "../../read-runtime-file";
import type { PageSettings } from "../../runtime/src/config";
import { appConfig, pageConfigs, type ViewName } from "../app-config";
import { jsLiteral } from "../js-literal";

export const viewModules: Record<Exclude<ViewName, "tool">, { path: string; exportName: string }> = {
  crud: { path: "./pages/crud-page.js", exportName: "renderCrudPage" },
  board: { path: "./pages/board-page.js", exportName: "renderBoardPage" },
  dashboard: { path: "./pages/dashboard-page.js", exportName: "renderDashboardPage" },
  landing: { path: "./pages/landing-page.js", exportName: "renderLandingPage" },
  info: { path: "./pages/info-page.js", exportName: "renderInfoPage" },
};

export function configJs(plan: TPlan): string {
  return `// App settings generated from the plan. Edit freely: the shell and pages read everything from here.
export const app = ${jsLiteral(appConfig(plan), 2)};

export const pages = ${jsLiteral(pageConfigs(plan) satisfies PageSettings[], 2)};
`;
}

export function mainJs(plan: TPlan): string {
  const pages = pageConfigs(plan);
  const views = [...new Set(pages.map((p) => p.view))];
  const tools = [...new Set(pages.flatMap((p) => (p.tool ? [p.tool] : [])))];
  const imports = views.flatMap((v) => (v === "tool" ? [] : [`import { ${viewModules[v].exportName} } from "${viewModules[v].path}";`]));
  const toolImports = tools.map((t) => `import { render as ${t}Tool } from "./pages/tools/${t}.js";`);
  const viewEntries = views.flatMap((v) => (v === "tool" ? [] : [`  ${v}: ${viewModules[v].exportName},`]));
  const toolEntries = tools.map((t) => `  ${t}: ${t}Tool,`);
  return fillSlots(readRuntimeFile("src/main.js"), {
    "page-imports": [...imports, ...toolImports].join("\n"),
    views: viewEntries.join("\n"),
    tools: toolEntries.join("\n"),
  });
}
