import { ZPlan, type TPlan } from "~/server/plan/plan-schema";

type DraftCheck = { ok: true; plan: TPlan } | { ok: false; problems: string[] };

/** Parses a hand-edited plan and checks it against the schema the server enforces, with readable problems. */
export function checkPlanDraft(draft: string): DraftCheck {
  let json: unknown;
  try {
    json = JSON.parse(draft);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = ZPlan.safeParse(json);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "plan"}: ${issue.message}`) };
}
