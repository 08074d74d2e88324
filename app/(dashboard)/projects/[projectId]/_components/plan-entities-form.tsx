"use client";

import { TextInput } from "~/components/ui/field";
import { fieldNameFromLabel } from "~/lib/field-name";
import { fieldTypes, type TFieldType } from "~/server/plan/field-types";
import type { TPlan, TPlanEntity, TPlanField } from "~/server/plan/plan-schema";

const cell = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * The data model in the plan: each entity's fields with their label, type and whether they are
 * required, plus adding and removing fields. Renaming entities, relations and enum options stay
 * in the JSON view: they ripple through pages and checks in ways a table cannot show.
 */
export function PlanEntitiesForm({ plan, onChange }: { plan: TPlan; onChange: (entities: TPlanEntity[]) => void }) {
  if (plan.entities.length === 0) return null;
  const updateEntity = (name: string, fields: TPlanField[]) => onChange(plan.entities.map((entity) => (entity.name === name ? { ...entity, fields } : entity)));

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Data</legend>
      {plan.entities.map((entity) => (
        <div key={entity.name} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <p className="text-sm font-medium">{entity.name}</p>
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="pb-1 font-normal">Label</th>
                <th className="pb-1 font-normal">Type</th>
                <th className="pb-1 font-normal">Required</th>
                <th className="pb-1 font-normal">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entity.fields.map((field, index) => {
                const replace = (patch: Partial<TPlanField>) => updateEntity(entity.name, entity.fields.map((item, at) => (at === index ? { ...item, ...patch } : item)));
                return (
                  <tr key={`${field.name}-${index}`}>
                    <td className="py-1 pr-2">
                      <TextInput aria-label={`${entity.name} field ${index + 1} label`} value={field.label} maxLength={60} onChange={(event) => replace({ label: event.target.value })} className="py-1" />
                    </td>
                    <td className="py-1 pr-2">
                      <select aria-label={`${entity.name} field ${index + 1} type`} value={field.type} onChange={(event) => replace({ type: event.target.value as TFieldType })} className={cell}>
                        {fieldTypes.map((type) => (
                          <option key={type} value={type}>
                            {type}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="py-1 pr-2">
                      <input
                        type="checkbox"
                        aria-label={`${entity.name} field ${index + 1} required`}
                        checked={field.required}
                        onChange={(event) => replace({ required: event.target.checked })}
                        className="size-4 accent-brand-600"
                      />
                    </td>
                    <td className="py-1 text-right">
                      <button
                        type="button"
                        disabled={entity.fields.length === 1}
                        onClick={() => updateEntity(entity.name, entity.fields.filter((_, at) => at !== index))}
                        aria-label={`Remove ${entity.name} field ${field.label}`}
                        className="rounded-md px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-40 dark:text-red-400 dark:hover:bg-red-950/40"
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <AddField entity={entity} onAdd={(field) => updateEntity(entity.name, [...entity.fields, field])} />
        </div>
      ))}
    </fieldset>
  );
}

function AddField({ entity, onAdd }: { entity: TPlanEntity; onAdd: (field: TPlanField) => void }) {
  const inputId = `add-field-${entity.name}`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const label = String(new FormData(form).get("label") ?? "").trim();
        const type = String(new FormData(form).get("type") ?? "string") as TFieldType;
        if (!label) return;
        // Two fields with one name would collide in the generated schema and forms.
        const base = fieldNameFromLabel(label);
        let name = base;
        for (let suffix = 2; entity.fields.some((field) => field.name === name); suffix++) name = `${base}${suffix}`;
        onAdd({ name, label, type, required: false });
        form.reset();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        New {entity.name} field
      </label>
      <TextInput id={inputId} name="label" placeholder={`New ${entity.name} field, e.g. Notes`} maxLength={60} className="w-auto flex-1 py-1" />
      <select name="type" aria-label={`New ${entity.name} field type`} defaultValue="string" className={cell}>
        {fieldTypes.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Add field
      </button>
    </form>
  );
}
