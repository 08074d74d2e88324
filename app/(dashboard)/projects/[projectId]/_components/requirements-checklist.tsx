"use client";

import { describeResults } from "~/lib/requirement-status";
import type { TRequirement } from "~/server/plan/plan-schema";
import { requirementKindLabels, requirementOutcomeLabels, type RequirementOutcome, type RequirementResult } from "~/server/plan/requirements";

const outcomeTone: Record<RequirementOutcome, { icon: string; tone: string }> = {
  passed: { icon: "✓", tone: "text-emerald-700 dark:text-emerald-400" },
  failed: { icon: "✗", tone: "text-red-700 dark:text-red-400" },
  unsupported: { icon: "–", tone: "text-amber-800 dark:text-amber-300" },
  unverified: { icon: "?", tone: "text-amber-800 dark:text-amber-300" },
};

/**
 * What the user asked for, as a checklist: each requirement's kind, what it means, and the words
 * of the prompt it comes from. Before the build (no `results`) it shows what is planned and calls
 * out what cannot be built; after QA it shows what became of each one.
 */
export function RequirementsChecklist({ requirements, results }: { requirements: readonly TRequirement[]; results?: readonly RequirementResult[] }) {
  if (requirements.length === 0) return null;
  const resultOf = new Map(results?.map((result) => [result.id, result]));
  const unsupported = requirements.filter((requirement) => requirement.status === "unsupported");
  const summary = results ? describeResults(results) : `${requirements.length} ${requirements.length === 1 ? "requirement" : "requirements"} from your prompt`;
  return (
    <section aria-label="Requirements" data-testid={results ? "requirement-results" : "requirements-checklist"} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-medium">Requirements</h4>
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="requirements-summary">
          {summary}
        </p>
      </div>
      {!results && unsupported.length > 0 && (
        <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200" data-testid="unsupported-requirements">
          <p className="font-medium">
            {unsupported.length === 1 ? "1 requirement is" : `${unsupported.length} requirements are`} not supported and will not be built:
          </p>
          <ul className="mt-1 list-inside list-disc text-xs">
            {unsupported.map((requirement) => (
              <li key={requirement.id}>
                {requirement.text}
                {requirement.reason && <> — {requirement.reason}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="space-y-1.5">
        {requirements.map((requirement) => {
          const result = resultOf.get(requirement.id);
          const outcome: RequirementOutcome | undefined = result?.outcome ?? (requirement.status === "unsupported" ? "unsupported" : undefined);
          const mark = outcome ? outcomeTone[outcome] : { icon: "○", tone: "text-zinc-400 dark:text-zinc-500" };
          return (
            <li key={requirement.id} className="flex gap-2" data-requirement-id={requirement.id} data-outcome={outcome ?? "planned"}>
              <span aria-hidden className={`w-4 shrink-0 text-center ${mark.tone}`}>
                {mark.icon}
              </span>
              <span className="min-w-0">
                <span className="mr-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{requirementKindLabels[requirement.kind]}</span>
                {requirement.text}
                {outcome && <span className={`ml-1.5 text-xs font-medium ${mark.tone}`}>{requirementOutcomeLabels[outcome]}</span>}
                <q className="block text-xs italic text-zinc-500 dark:text-zinc-400">{requirement.quote}</q>
                {outcome && outcome !== "passed" && (
                  <span className={`block text-xs ${mark.tone}`}>{result?.message ?? requirement.reason ?? "The app builder cannot build this"}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
