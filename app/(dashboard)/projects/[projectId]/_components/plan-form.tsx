"use client";

import { Field, TextArea, TextInput } from "~/components/ui/field";
import type { TPlan } from "~/server/plan/plan-schema";
import { PlanEntitiesForm } from "./plan-entities-form";

/**
 * The parts of a plan people usually change, as a form: the app's name and summary, page titles
 * and purposes, the entities' fields, features, and which acceptance checks to keep. Everything
 * else (relations, check steps, tasks) is in the JSON view of the same draft.
 */
export function PlanForm({ plan, onChange }: { plan: TPlan; onChange: (plan: TPlan) => void }) {
  const update = (patch: Partial<TPlan>) => onChange({ ...plan, ...patch });
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="App name" htmlFor="plan-app-name">
          <TextInput id="plan-app-name" value={plan.appName} maxLength={60} onChange={(event) => update({ appName: event.target.value })} />
        </Field>
        <Field label="Summary" htmlFor="plan-summary">
          <TextArea id="plan-summary" value={plan.summary} rows={2} maxLength={600} onChange={(event) => update({ summary: event.target.value })} />
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Pages</legend>
        {plan.pages.map((page, index) => (
          <div key={page.path} className="grid gap-2 sm:grid-cols-[10rem_minmax(0,1fr)]">
            <Field label={`Title of ${page.path}`} htmlFor={`plan-page-${index}-title`}>
              <TextInput
                id={`plan-page-${index}-title`}
                value={page.title}
                maxLength={60}
                onChange={(event) => update({ pages: plan.pages.map((item, at) => (at === index ? { ...item, title: event.target.value } : item)) })}
              />
            </Field>
            <Field label={`Purpose of ${page.path}`} htmlFor={`plan-page-${index}-purpose`}>
              <TextInput
                id={`plan-page-${index}-purpose`}
                value={page.purpose}
                maxLength={300}
                onChange={(event) => update({ pages: plan.pages.map((item, at) => (at === index ? { ...item, purpose: event.target.value } : item)) })}
              />
            </Field>
          </div>
        ))}
      </fieldset>

      <PlanEntitiesForm plan={plan} onChange={(entities) => update({ entities })} />

      <Field label="Features (one per line)" htmlFor="plan-features">
        <TextArea
          id="plan-features"
          rows={Math.min(8, plan.features.length + 1)}
          value={plan.features.join("\n")}
          onChange={(event) => update({ features: event.target.value.split("\n").map((line) => line.trimStart()).filter((line, at, all) => line || at === all.length - 1) })}
        />
      </Field>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Acceptance checks QA will run</legend>
        {plan.acceptanceChecks.map((check, index) => (
          <div key={check.id} className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <Field label={`Check ${index + 1}`} htmlFor={`plan-check-${check.id}`}>
                <TextInput
                  id={`plan-check-${check.id}`}
                  value={check.description}
                  maxLength={300}
                  onChange={(event) =>
                    update({ acceptanceChecks: plan.acceptanceChecks.map((item) => (item.id === check.id ? { ...item, description: event.target.value } : item)) })
                  }
                />
              </Field>
            </div>
            <button
              type="button"
              disabled={plan.acceptanceChecks.length === 1}
              onClick={() => update({ acceptanceChecks: plan.acceptanceChecks.filter((item) => item.id !== check.id) })}
              aria-label={`Drop check ${index + 1}: ${check.description}`}
              className="mb-0.5 rounded-md px-2 py-2 text-xs text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-40 dark:text-red-400 dark:hover:bg-red-950/40"
            >
              Drop
            </button>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
