// The few decisions the compiler actually makes. Everything else in a plan (pages, checks, tasks,
// features, summary) is derived from these, which is what lets follow-ups edit a previous plan
// by editing its core and re-deriving.
import type { TPlan, TPlanEntity } from "~/server/plan/plan-schema";
import { toolByPath, type ToolId } from "./tool-catalog";

export interface PlanCore {
  appName: string;
  kind: TPlan["kind"];
  theme: TPlan["theme"];
  entities: TPlanEntity[];
  tool?: ToolId;
  /** What the user asked for, already sanitised, for the summary. */
  request: string;
}

export function coreFromPlan(plan: TPlan): PlanCore {
  const tool = plan.pages.map((p) => toolByPath(p.path)).find((t) => t !== undefined);
  const request = /Requested: (.*)$/.exec(plan.summary)?.[1] ?? "";
  return {
    appName: plan.appName,
    kind: plan.kind,
    theme: { ...plan.theme },
    entities: plan.entities.map((e) => ({ ...e, fields: e.fields.map((f) => ({ ...f, ...(f.options ? { options: [...f.options] } : {}) })), belongsTo: [...e.belongsTo] })),
    ...(tool ? { tool: tool.id } : {}),
    request,
  };
}
