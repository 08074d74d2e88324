"use client";

import type { TPlan } from "~/server/plan/plan-schema";
import { RequirementsChecklist } from "./requirements-checklist";

export function PlanView({ plan }: { plan: TPlan }) {
  return (
    <div className="space-y-4 text-sm" data-testid="plan">
      <div>
        <p className="text-base font-semibold">{plan.appName}</p>
        <p className="text-zinc-600 dark:text-zinc-400">{plan.summary}</p>
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Kind: {plan.kind} · theme: {plan.theme.colorScheme}
        </p>
      </div>
      <RequirementsChecklist requirements={plan.requirements ?? []} />
      <div className="grid gap-4 sm:grid-cols-2">
        <section>
          <h4 className="font-medium">Pages</h4>
          <ul className="mt-1 list-inside list-disc text-zinc-700 dark:text-zinc-300">
            {plan.pages.map((page) => (
              <li key={page.path}>
                {page.title} <span className="text-zinc-500 dark:text-zinc-400">— {page.purpose}</span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h4 className="font-medium">Data</h4>
          {plan.entities.length === 0 ? (
            <p className="text-zinc-500 dark:text-zinc-400">No stored data.</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {plan.entities.map((entity) => (
                <li key={entity.name}>
                  <span className="font-medium">{entity.name}</span>{" "}
                  <span className="text-zinc-500 dark:text-zinc-400">{entity.fields.map((field) => `${field.name}: ${field.type}`).join(", ")}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h4 className="font-medium">Features</h4>
          <ul className="mt-1 list-inside list-disc text-zinc-700 dark:text-zinc-300">
            {plan.features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        </section>
        <section>
          <h4 className="font-medium">Acceptance checks</h4>
          <ul className="mt-1 list-inside list-disc text-zinc-700 dark:text-zinc-300">
            {plan.acceptanceChecks.map((check) => (
              <li key={check.id}>{check.description}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
