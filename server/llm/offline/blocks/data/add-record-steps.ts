// Steps that add records the way a user does, through the records section's add form (the UI
// conventions of DATA.md): a <form> named "Add <singular>", a control per field labelled with the
// field's label, a parent <select> labelled with the parent's singular label listing parents by
// title, and a submit button "Add <singular>". Dates are given as offsets from today and written
// as date tokens ({{today-40}}), or as fixed dates when the check sets the clock.
import { singularLabel } from "~/server/llm/offline/runtime/src/engine/store.js";
import type { TCheckStep } from "~/server/plan/check-steps";
import type { TPlan, TPlanEntity, TPlanField, TPlanPage } from "~/server/plan/plan-schema";

/** A value to enter: text/number/boolean, or a date as days from today. */
export type FieldValue = string | number | boolean | { daysFromToday: number };
/** One record to add: field values by name, and its parents by entity name → parent title. */
export type NewRecord = { values: Record<string, FieldValue>; parents?: Record<string, string> };

/** "2026-03-11" plus `days` calendar days (local dates, no time zone). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** The text typed for a date: a token relative to the page's clock, or a fixed date when the clock is fixed. */
export function dateText(value: { daysFromToday: number }, fixedToday?: string): string {
  const n = value.daysFromToday;
  if (fixedToday) return addDaysIso(fixedToday, n);
  return n === 0 ? "{{today}}" : `{{today${n > 0 ? "+" : "-"}${Math.abs(n)}}}`;
}

/** The page with a records section of `entity` that can add records (plain lists first). */
export function addFormPage(plan: TPlan, entity: string): TPlanPage | undefined {
  const candidates = plan.pages.flatMap((page) => (page.sections ?? []).filter((s) => s.type === "records" && s.entity === entity && s.create !== false).map((section) => ({ page, section })));
  const plain = candidates.find(({ section }) => section.type === "records" && !section.onePerDate && !section.where?.length);
  return (plain ?? candidates.find(({ section }) => section.type === "records" && !section.onePerDate))?.page;
}

export const addFormName = (entity: TPlanEntity | string): string => `Add ${singularLabel(typeof entity === "string" ? entity : entity.name)}`;

/** Where a visitor adds a record: the form's accessible name and its submit button. */
export type AddTarget = { page: TPlanPage; within: string; submit: string };

/**
 * The records section's add form, else a site's own form of the entity (an RSVP or booking
 * form named by its heading, with its own submit label), for figures over what visitors send.
 */
export function addTarget(plan: TPlan, entity: string): AddTarget | undefined {
  const page = addFormPage(plan, entity);
  if (page) return { page, within: addFormName(entity), submit: addFormName(entity) };
  for (const candidate of plan.pages) {
    const form = (candidate.sections ?? []).find((s) => s.type === "form" && s.entity === entity && !s.fields?.length);
    if (form && form.type === "form" && form.title) return { page: candidate, within: form.title, submit: form.submitLabel };
  }
  return undefined;
}

/** A value for a required field the scenario does not care about. */
export function fillerValue(field: TPlanField, n: number, entity: TPlanEntity): FieldValue | undefined {
  switch (field.type) {
    case "string":
    case "text":
      return `${singularLabel(entity.name)} ${n}`;
    case "email":
      return `person${n}@example.com`;
    case "phone":
      return `0123 456 70${n}`;
    case "url":
      return `https://example.com/${n}`;
    case "time":
      return "09:30";
    case "number":
    case "money":
      return field.min !== undefined && field.min > 1 ? field.min : field.max !== undefined && field.max < 1 ? field.max : 1;
    case "rating":
      return Math.min(3, field.max ?? 5);
    case "date":
      return { daysFromToday: 0 };
    case "enum":
      return field.multiple ? undefined : field.options?.[0];
    case "boolean":
      return undefined;
    default:
      return undefined;
  }
}

/** Whether the form can take this value for the field (multiple-option fields and photos are not entered here). */
export function canEnter(field: TPlanField): boolean {
  return !(field.type === "enum" && field.multiple) && field.type !== "image";
}

/**
 * The steps that fill the add form of `entity` with `record` and submit it. Required fields the
 * record leaves out get filler values; the first text field gets a title ("Expense 3") so each
 * record is told apart. Returns null when a required field cannot be entered.
 */
export function addRecordSteps(entity: TPlanEntity, record: NewRecord, n: number, fixedToday?: string, target?: Pick<AddTarget, "within" | "submit">): TCheckStep[] | null {
  const form = target?.within ?? addFormName(entity);
  const steps: TCheckStep[] = [];
  const values: Record<string, FieldValue> = { ...record.values };
  const title = entity.fields[0];
  if (title && values[title.name] === undefined && (title.type === "string" || title.type === "text")) values[title.name] = `${singularLabel(entity.name)} ${n}`;
  for (const field of entity.fields) {
    if (values[field.name] !== undefined || !field.required || field.defaultValue !== undefined) continue;
    const filler = fillerValue(field, n, entity);
    if (filler === undefined) return null;
    values[field.name] = filler;
  }
  for (const field of entity.fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (!canEnter(field)) return null;
    if (field.type === "boolean") steps.push({ action: value === true ? "check" : "uncheck", label: field.label, within: form });
    // A rating is chosen from its stars, as record-samples.ts enters it.
    else if (field.type === "enum" || field.type === "rating") steps.push({ action: "select", label: field.label, value: String(value), within: form });
    else if (typeof value === "object") steps.push({ action: "fill", label: field.label, value: dateText(value, fixedToday), within: form });
    else steps.push({ action: "fill", label: field.label, value: String(value), within: form });
  }
  for (const [parent, parentTitle] of Object.entries(record.parents ?? {})) steps.push({ action: "select", label: singularLabel(parent), value: parentTitle, within: form });
  steps.push({ action: "click", role: "button", name: target?.submit ?? form, within: form });
  return steps;
}
