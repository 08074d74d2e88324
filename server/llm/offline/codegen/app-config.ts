// Maps plan pages to the views the generated app implements. Works for any schema-valid plan
// (including ones written by an LLM): unknown pages fall back to a simple content page.
import type { TPlan } from "~/server/plan/plan-schema";
import { safeText } from "../plan/naming";
import { toolByPath, type ToolId } from "../plan/tool-catalog";
import { entityPath, statusFieldOf } from "../plan/ui-names";
import { storageKeyOf } from "../datalayer/schema-js";
import type { AppSettings } from "../runtime/src/config";

export type ViewName = "crud" | "board" | "dashboard" | "landing" | "tool" | "info";

export interface PageConfig {
  path: string;
  title: string;
  purpose: string;
  view: ViewName;
  entity?: string;
  tool?: ToolId;
}

export function pageConfigs(plan: TPlan): PageConfig[] {
  const [main] = plan.entities;
  const waitlist = plan.entities.find((e) => e.fields.some((f) => f.type === "email"));
  return plan.pages.map((page, index) => {
    const base = { path: page.path, title: page.title, purpose: page.purpose };
    const tool = toolByPath(page.path);
    if (tool) return { ...base, view: "tool", tool: tool.id };
    const entity = plan.entities.find((e) => entityPath(e) === page.path);
    if (plan.kind === "landing" && waitlist && (page.path === "/" || index === 0)) return { ...base, view: "landing", entity: waitlist.name };
    if (plan.kind === "kanban" && main && statusFieldOf(main) && (page.path === "/board" || (index === 0 && !entity))) return { ...base, view: "board", entity: main.name };
    if (plan.kind === "dashboard" && main && (page.path === "/" || (index === 0 && !entity))) return { ...base, view: "dashboard", entity: main.name };
    if (entity) return { ...base, view: "crud", entity: entity.name };
    return { ...base, view: "info" };
  });
}

/** The one-line pitch for headers and the landing hero: the summary without the echoed request. */
export const taglineOf = (plan: TPlan): string => safeText(plan.summary.replace(/\s*Requested: .*$/, ""), 300);

export function appConfig(plan: TPlan): AppSettings {
  return {
    name: plan.appName,
    summary: taglineOf(plan),
    tagline: taglineOf(plan),
    kind: plan.kind,
    storageKey: storageKeyOf(plan),
    features: plan.features,
  };
}
