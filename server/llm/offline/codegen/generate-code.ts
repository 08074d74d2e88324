// The CodeGen agent's offline output: index.html, styles and the ES modules the plan needs.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { pageConfigs } from "./app-config";
import { boardPageJs } from "./templates/board-page-js";
import { crudPageJs } from "./templates/crud-page-js";
import { chartsJs, dashboardPageJs } from "./templates/dashboard-page-js";
import { faviconSvg, indexHtml } from "./templates/index-html";
import { landingPageJs } from "./templates/landing-page-js";
import { domJs, emptyStateJs, fieldsJs, formatJs, infoPageJs, routerJs } from "./templates/lib-js";
import { configJs, mainJs } from "./templates/main-js";
import { stylesCss } from "./templates/styles-css";
import { toolModules, toolPageJs } from "./templates/tools-js";

export function generateCode(plan: TPlan): TGeneratedFile[] {
  const pages = pageConfigs(plan);
  const views = new Set(pages.map((p) => p.view));
  const files: TGeneratedFile[] = [
    { path: "index.html", content: indexHtml(plan) },
    { path: "styles.css", content: stylesCss(plan) },
    { path: "favicon.svg", content: faviconSvg(plan) },
    { path: "src/main.js", content: mainJs(plan) },
    { path: "src/config.js", content: configJs(plan) },
    { path: "src/lib/dom.js", content: domJs },
    { path: "src/lib/router.js", content: routerJs },
    { path: "src/lib/format.js", content: formatJs },
    { path: "src/ui/fields.js", content: fieldsJs },
    { path: "src/ui/empty-state.js", content: emptyStateJs },
  ];
  if (views.has("crud")) files.push({ path: "src/pages/crud-page.js", content: crudPageJs });
  if (views.has("board")) files.push({ path: "src/pages/board-page.js", content: boardPageJs });
  if (views.has("dashboard")) files.push({ path: "src/pages/dashboard-page.js", content: dashboardPageJs }, { path: "src/lib/charts.js", content: chartsJs });
  if (views.has("landing")) files.push({ path: "src/pages/landing-page.js", content: landingPageJs });
  if (views.has("info")) files.push({ path: "src/pages/info-page.js", content: infoPageJs });
  const tools = [...new Set(pages.flatMap((p) => (p.tool ? [p.tool] : [])))];
  if (tools.length) files.push({ path: "src/pages/tools/tool-page.js", content: toolPageJs });
  const helpers = new Map<string, string>();
  for (const tool of tools) {
    files.push({ path: `src/pages/tools/${tool}.js`, content: toolModules[tool].main });
    for (const [name, content] of Object.entries(toolModules[tool].helpers)) helpers.set(name, content);
  }
  for (const [name, content] of helpers) files.push({ path: `src/pages/tools/${name}`, content });
  return files;
}
