// The offline PromptCompiler: prompt (and optionally the previous plan) → plan. Deterministic and
// total: any string yields a valid plan, so the pipeline never stalls on a strange prompt.
import { ZPlan, type TPlan } from "~/server/plan/plan-schema";
import { applyFollowUp } from "./plan/apply-follow-up";
import { buildPlan } from "./plan/build-plan";
import { coreFromPrompt } from "./plan/core-from-prompt";
import { defaultAccent } from "./plan/detect-theme";
import { safeText } from "./plan/naming";
import { normalizePrompt } from "./plan/normalize-prompt";
import { coreFromPlan } from "./plan/plan-core";

export function compilePlan(prompt: string, previous?: { plan: TPlan }): TPlan {
  const text = normalizePrompt(prompt);
  const rawPrompt = typeof prompt === "string" ? prompt.slice(0, 20_000) : "";
  try {
    const prior = previous ? ZPlan.safeParse(previous.plan) : undefined;
    if (prior?.success) return buildPlan(applyFollowUp(coreFromPlan(prior.data), text));
    return buildPlan(coreFromPrompt(text, rawPrompt));
  } catch {
    // A bug in a heuristic must not fail the run: fall back to a plain, valid item list.
    return buildPlan({ appName: "My Items", kind: "crud", theme: { colorScheme: "light", accent: defaultAccent }, entities: [], request: safeText(rawPrompt, 200) });
  }
}
