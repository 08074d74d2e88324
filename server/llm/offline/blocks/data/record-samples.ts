// What the data checks type into a generated app, and what they then expect to read: concrete
// values per field type, the steps that fill an add form the way a person would (by label, in the
// form named "Add <singular>"), and the text the records section shows for each value. Names and
// texts follow the data runtime's conventions (/work/coord/DATA.md and sections/records.js):
// dates are shown as stored (YYYY-MM-DD), booleans as Yes/No, ratings as stars, numbers and money
// by formatValue. Dates are tokens ({{today-1}}), resolved by QA against the page's clock.
import type { TSection } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlan, TPlanEntity, TPlanField, TPlanPage } from "~/server/plan/plan-schema";
import { formatValue } from "~/server/llm/offline/runtime/src/engine/expr.js";
import { singularLabel } from "~/server/llm/offline/runtime/src/engine/store.js";
import { sectionTitleOf } from "../section-title";

export type Step = TAcceptanceCheckInput["steps"][number];
export type RecordsSection = Extract<TSection, { type: "records" }>;
/** A value as a person enters it: text typed, an option chosen, a box ticked or not, several boxes. */
export type Sample = string | number | boolean | string[];
export type Values = Record<string, Sample>;

/**
 * Record titles: unusual words, so that no interface text, no other record and no container name
 * ("Add book loan", a section heading) contains one by accident.
 */
const words = ["Zephyr", "Quokka", "Marigold", "Juniper", "Saffron", "Tangelo", "Cobalt", "Verbena", "Ocelot", "Pimento", "Wombat", "Lantana"];

/** Hands out distinct words within one check. */
export class Words {
  private next = 0;
  take(): string {
    const word = words[this.next % words.length]! + (this.next >= words.length ? ` ${Math.floor(this.next / words.length) + 1}` : "");
    this.next += 1;
    return word;
  }
}

/** "BookLoan" → "Book loan": the runtime's own singular label, so checks and app name things alike. */
export function singularOf(entity: Pick<TPlanEntity, "name">): string {
  return singularLabel(entity.name);
}

/** "Book loans" → "book loans" (acronyms keep their capitals), as in "Search book loans". */
export function pluralOf(entity: Pick<TPlanEntity, "name" | "pluralLabel">): string {
  const plural = entity.pluralLabel || `${singularOf(entity)}s`;
  return /^[A-Z]{2}/.test(plural) ? plural : plural.charAt(0).toLowerCase() + plural.slice(1);
}

export const addFormName = (entity: TPlanEntity): string => `Add ${singularOf(entity)}`;
export const editDialogName = (entity: TPlanEntity): string => `Edit ${singularOf(entity)}`;
export const titleFieldOf = (entity: TPlanEntity): TPlanField => entity.fields[0]!;

/** The message the runtime shows beside an empty required field: "Enter a title", "Choose a stage". */
export function requiredMessage(field: TPlanField): string {
  const text = /^[A-Z]{2}/.test(field.label) ? field.label : field.label.charAt(0).toLowerCase() + field.label.slice(1);
  return `${field.type === "enum" || field.type === "image" ? "Choose" : "Enter"} ${/^[aeiou]/i.test(text) ? "an" : "a"} ${text}`;
}

const clamp = (n: number, field: TPlanField) => Math.min(field.max ?? Infinity, Math.max(field.min ?? -Infinity, n));

/** A value for a field; `title` for the record's title field. */
export function sampleFor(field: TPlanField, word: string, index = 0): Sample {
  switch (field.type) {
    case "string":
      return word;
    case "text":
      return `${word} notes`;
    case "email":
      return `${word.toLowerCase().replace(/\s+/g, ".")}@example.com`;
    case "phone":
      return `0117 496 0${String(100 + index).slice(-3)}`;
    case "url":
      return `https://${word.toLowerCase().replace(/\s+/g, "-")}.example.com`;
    case "time":
      return ["09:30", "14:15", "18:45"][index % 3]!;
    case "number":
      return clamp(12 + index * 7, field);
    case "money":
      return clamp(24.5 + index * 10, field);
    case "rating":
      return clamp(4 - (index % 3), { ...field, min: field.min ?? 1, max: field.max ?? 5 });
    case "date":
      return `{{today-${index}}}`;
    case "boolean":
      return index % 2 === 0;
    case "enum": {
      // Records picked from another kind are not sampled: their own check adds them first.
      if (field.ref) return [];
      const options = field.options?.length ? field.options : ["Option 1"];
      return field.multiple ? [options[index % options.length]!] : options[index % options.length]!;
    }
    case "image":
      // Which file an upload step picks (QA generates it): the only kind there is.
      return "picture";
    default:
      return word;
  }
}

/** A whole record: the title from `word`, every other field (or only the required ones) sampled. */
export function sampleRecord(entity: TPlanEntity, word: string, index = 0, options: { onlyRequired?: boolean } = {}): Values {
  const values: Values = {};
  entity.fields.forEach((field, i) => {
    if (i === 0) values[field.name] = field.type === "string" || field.type === "text" || field.type === "email" || field.type === "url" ? sampleFor(field, word, index) : sampleFor(field, word, index);
    else if (!options.onlyRequired || field.required) values[field.name] = sampleFor(field, `${word} ${field.label}`, index + i);
  });
  return values;
}

/** The record's title as the list shows it (its first field's value as text). */
export function titleText(entity: TPlanEntity, values: Values): string {
  const field = titleFieldOf(entity);
  return shownText(field, values[field.name]) || "Untitled";
}

/** A value as the records section shows it, "" when nothing is shown. */
export function shownText(field: TPlanField, value: Sample | undefined): string {
  if (value === undefined || value === "" || (Array.isArray(value) && !value.length)) return "";
  if (Array.isArray(value)) return value.join(", ");
  switch (field.type) {
    case "image":
      // Shown as the picture itself (photoSteps), never as text.
      return "";
    case "boolean":
      return value ? "Yes" : "No";
    case "money":
    case "number":
      return formatValue(Number(value), field.type, field.unit ? { unit: field.unit } : {});
    case "rating":
      return formatValue(Number(value), "stars", { max: field.max ?? 5 });
    default:
      return String(value);
  }
}

/** The steps that put `value` into `field`'s control in the form or dialog named `within`. */
export function fillField(field: TPlanField, value: Sample, within: string): Step[] {
  if (field.type === "image") return [{ action: "upload", label: field.label, file: "picture", within }];
  if (field.type === "boolean") return [{ action: value ? "check" : "uncheck", label: field.label, within }];
  if (field.type === "enum" && field.multiple) {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return (field.options ?? []).map((option): Step => ({ action: chosen.includes(option) ? "check" : "uncheck", label: option, within }));
  }
  if (field.type === "enum" || field.type === "rating") return [{ action: "select", label: field.label, value: String(value), within }];
  return [{ action: "fill", label: field.label, value: String(value), within }];
}

/** The thumbnail a record shows for a photo field: "Photo of Zephyr", drawn (not just its alt text). */
export function photoSteps(field: TPlanField, title: string, within: string): Step[] {
  return [{ action: "expectElement", role: "img", name: `${field.label} of ${title}`, within, state: "loaded" }];
}

/** Where records of an entity are added: the first records section for it that creates (unfiltered views first). */
export function homeOf(entityName: string, plan: TPlan): { page: TPlanPage; section: RecordsSection; title: string } | null {
  const found: { page: TPlanPage; section: RecordsSection }[] = [];
  for (const page of plan.pages) {
    for (const section of page.sections ?? []) if (section.type === "records" && section.entity === entityName && section.create !== false) found.push({ page, section });
  }
  const best = found.find((f) => !f.section.where?.length) ?? found[0];
  return best ? { ...best, title: sectionTitleOf(best.section, plan) } : null;
}

/**
 * Steps that add a record of `entity` in its home section, choosing parents by title (each
 * `parents[ParentName]` must exist by then). Returns null when the app has nowhere to add one.
 */
export function addRecordSteps(entity: TPlanEntity, values: Values, plan: TPlan, parents: Record<string, string> = {}, options: { goto?: boolean } = {}): Step[] | null {
  const home = homeOf(entity.name, plan);
  if (!home) return addThroughForm(entity, values, plan);
  const form = addFormName(entity);
  const steps: Step[] = options.goto === false ? [] : [{ action: "goto", path: home.page.path }];
  for (const field of entity.fields) {
    const value = values[field.name];
    if (value !== undefined && value !== "") steps.push(...fillField(field, value, form));
  }
  for (const [parentName, title] of Object.entries(parents)) {
    const parent = plan.entities.find((e) => e.name === parentName);
    if (parent) steps.push({ action: "select", label: singularOf(parent), value: title, within: form });
  }
  steps.push({ action: "click", role: "button", name: form, within: form });
  return steps;
}

/** An entity kept only through a form section (booking requests): send the form, with the values it has fields for. */
function addThroughForm(entity: TPlanEntity, values: Values, plan: TPlan): Step[] | null {
  for (const page of plan.pages) {
    for (const section of page.sections ?? []) {
      if (section.type !== "form" || section.entity !== entity.name) continue;
      const region = sectionTitleOf(section, plan);
      const names = section.fields?.length ? section.fields : entity.fields.map((f) => f.name);
      const missing = entity.fields.some((f) => f.required && !names.includes(f.name));
      if (missing) return null;
      const steps: Step[] = [{ action: "goto", path: page.path }];
      for (const field of entity.fields) {
        const value = values[field.name];
        if (names.includes(field.name) && value !== undefined && value !== "") steps.push(...fillField(field, value, region));
      }
      steps.push({ action: "click", role: "button", name: section.submitLabel, within: region }, { action: "expectText", text: section.thanks.slice(0, 300), within: region });
      return steps;
    }
  }
  return null;
}

/** Adds one record of each parent entity (by a fresh title) so a child can point at them; null if one has nowhere to be added. */
export function addParentsSteps(entity: TPlanEntity, plan: TPlan, take: () => string): { steps: Step[]; parents: Record<string, string> } | null {
  const steps: Step[] = [];
  const parents: Record<string, string> = {};
  for (const parentName of entity.belongsTo) {
    const parent = plan.entities.find((e) => e.name === parentName);
    if (!parent || parent.name === entity.name) continue;
    const values = sampleRecord(parent, take(), 0, { onlyRequired: true });
    const add = addRecordSteps(parent, values, plan, {});
    if (!add) return null;
    steps.push(...add);
    parents[parentName] = titleText(parent, values);
  }
  return { steps, parents };
}

/** The role a record has in a section: a row in a table, else a list item. */
export const recordRole = (section: RecordsSection): "row" | "listitem" => (section.display === "table" ? "row" : "listitem");
