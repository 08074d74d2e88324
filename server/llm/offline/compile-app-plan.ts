// The new offline PromptCompiler: prompt (and, for a follow-up, the current plan) → a plan whose
// requirements quote the prompt, whose app spec is composed from building blocks, and whose
// acceptance checks come from the blocks' check generators. Total and deterministic: any input
// gives a valid plan or a clean error; no exception leaves this function.
import { ZPlan, type TPlan } from "~/server/plan/plan-schema";
import { buildAcceptanceChecks } from "./checks/index";
import { composeInto } from "./compose/compose-plan";
import { createDraft } from "./compose/draft";
import { finishDraft } from "./compose/finish";
import { applyFollowUp, draftFromPlan } from "./compose/follow-up";
import { readPrompt } from "./understand/reading";

export type CompileResult = { ok: true; plan: TPlan } | { ok: false; error: string };
export type CompileOptions = { plan?: TPlan; promptIndex?: number };

/** Long prompts are read up to this many characters: past it nobody is describing one app. */
const maxPromptLength = 4_000;

export function compileAppPlan(prompt: unknown, options: CompileOptions = {}): CompileResult {
  if (typeof prompt !== "string" || !prompt.trim()) return { ok: false, error: "The prompt is empty: describe the app you want." };
  const text = prompt.slice(0, maxPromptLength);
  try {
    const reading = readPrompt(text);
    const previous = options.plan ? ZPlan.safeParse(options.plan) : undefined;
    let draft;
    if (previous?.success) {
      draft = draftFromPlan(previous.data, reading, options.promptIndex ?? 1);
      applyFollowUp(draft);
    } else {
      draft = createDraft(reading, options.promptIndex ?? 0);
      composeInto(draft);
    }
    const input = finishDraft(draft);
    const shaped = ZPlan.parse({ ...input, acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }], ...(previous?.success ? { storage: previous.data.storage, changes: draft.changes } : {}) });
    const plan = ZPlan.parse({ ...shaped, acceptanceChecks: buildAcceptanceChecks(shaped) });
    if (previous?.success && plan.storage) plan.storage = bumpStorage(previous.data, plan);
    return { ok: true, plan };
  } catch (error) {
    // A gap in a rule must not fail the run: say what happened in words the pipeline can show.
    return { ok: false, error: `The offline compiler could not plan this prompt (${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}).` };
  }
}

/** The stored data's schema version goes up when entities or fields change. */
function bumpStorage(previous: TPlan, next: TPlan): TPlan["storage"] {
  if (!previous.storage) return next.storage;
  const shape = (plan: TPlan) => JSON.stringify(plan.entities.map((e) => [e.name, e.belongsTo, e.fields.map((f) => [f.name, f.type, f.options])]));
  return shape(previous) === shape(next) ? previous.storage : { ...previous.storage, version: previous.storage.version + 1 };
}
