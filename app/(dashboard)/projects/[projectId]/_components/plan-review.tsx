"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, TextArea } from "~/components/ui/field";
import type { checkPlanDraft } from "~/lib/plan-draft";
import type { TPlan } from "~/server/plan/plan-schema";
import { ToggleGroup } from "~/components/code/toggle-group";
import { PlanForm } from "./plan-form";

type Decision = { isApproved: true; plan?: TPlan } | { isApproved: false; feedback?: string };

/**
 * The approval gate's controls: approve as is, edit the plan and approve the edit, or reject with a
 * reason that lands in the run's audit trail. Edits happen in a form (the usual changes) or as
 * JSON (anything); both change one JSON draft, checked against the same schema the server uses,
 * so a bad edit never reaches the agents.
 */
export function PlanReview({ plan, isPending, onDecide }: { plan: TPlan; isPending: boolean; onDecide: (decision: Decision) => void }) {
  const [mode, setMode] = useState<"idle" | "editing" | "rejecting">("idle");
  const [draft, setDraft] = useState(() => JSON.stringify(plan, null, 2));
  const [feedback, setFeedback] = useState("");
  const [view, setView] = useState<"form" | "json">("form");
  const formPlan = parsePlanShape(draft);
  // The checker brings zod and the plan schema: loaded only when someone starts editing.
  const [checkDraft, setCheckDraft] = useState<typeof checkPlanDraft | null>(null);
  const checked = checkDraft ? checkDraft(draft) : { ok: false as const, problems: ["Loading the plan checker…"] };
  const startEditing = () => {
    setMode("editing");
    void import("~/lib/plan-draft").then((module) => setCheckDraft(() => module.checkPlanDraft));
  };

  if (mode === "editing") {
    return (
      <div className="mt-4 space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <ToggleGroup
          label="Edit as"
          value={view}
          onChange={setView}
          options={[
            { value: "form", label: "Form", isDisabled: !formPlan, title: formPlan ? undefined : "Fix the JSON first" },
            { value: "json", label: "JSON" },
          ]}
        />
        {view === "form" && formPlan ? (
          <PlanForm plan={formPlan} onChange={(next) => setDraft(JSON.stringify(next, null, 2))} />
        ) : (
          <Field label="Edit plan (JSON)" htmlFor="plan-draft" hint="Every field: pages, entities and their fields, features, acceptance checks and their steps, tasks.">
            <TextArea
              id="plan-draft"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              rows={16}
              spellCheck={false}
              aria-invalid={!checked.ok}
              className="font-mono text-xs"
            />
          </Field>
        )}
        {!checked.ok && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {checked.problems[0]}
          </p>
        )}
        {!checked.ok && checked.problems.length > 1 && (
          <ul className="list-inside list-disc text-xs text-red-600 dark:text-red-400">
            {checked.problems.slice(1, 6).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          <Button disabled={!checked.ok} isLoading={isPending} onClick={() => checked.ok && onDecide({ isApproved: true, plan: checked.plan })}>
            Approve edited plan
          </Button>
          <Button variant="secondary" onClick={() => setDraft(JSON.stringify(plan, null, 2))}>
            Reset
          </Button>
          <Button variant="ghost" onClick={() => setMode("idle")}>
            Cancel editing
          </Button>
        </div>
      </div>
    );
  }

  if (mode === "rejecting") {
    return (
      <form
        className="mt-4 space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800"
        onSubmit={(event) => {
          event.preventDefault();
          onDecide({ isApproved: false, feedback: feedback.trim() || undefined });
        }}
      >
        <Field label="Why reject? (optional)" htmlFor="plan-feedback">
          <TextArea id="plan-feedback" value={feedback} onChange={(event) => setFeedback(event.target.value)} rows={2} maxLength={2000} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" variant="danger" isLoading={isPending}>
            Reject plan
          </Button>
          <Button type="button" variant="ghost" onClick={() => setMode("idle")}>
            Back
          </Button>
        </div>
      </form>
    );
  }

  const unsupported = (plan.requirements ?? []).filter((requirement) => requirement.status === "unsupported").length;
  return (
    <div className="mt-4 flex flex-wrap gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800" data-testid="plan-review">
      {unsupported > 0 && (
        <p className="basis-full text-sm text-amber-800 dark:text-amber-300" data-testid="approve-unsupported-note">
          Approving builds everything else: {unsupported === 1 ? "1 requirement" : `${unsupported} requirements`} above will not be built, and the run will end
          &ldquo;Ready with gaps&rdquo;, not &ldquo;Succeeded&rdquo;.
        </p>
      )}
      <Button isLoading={isPending} onClick={() => onDecide({ isApproved: true })} aria-keyshortcuts="a">
        Approve plan
      </Button>
      <Button variant="secondary" onClick={startEditing}>
        Edit
      </Button>
      <Button variant="secondary" onClick={() => setMode("rejecting")}>
        Reject
      </Button>
    </div>
  );
}

/** The draft as a plan-shaped object the form can show, or null when it is not even that. */
function parsePlanShape(draft: string): TPlan | null {
  try {
    const value = JSON.parse(draft) as Partial<TPlan> | null;
    const isShaped =
      !!value &&
      typeof value.appName === "string" &&
      typeof value.summary === "string" &&
      Array.isArray(value.pages) &&
      Array.isArray(value.entities) &&
      Array.isArray(value.features) &&
      Array.isArray(value.acceptanceChecks);
    return isShaped ? (value as TPlan) : null;
  } catch {
    return null;
  }
}
