// Turns the records a prompt describes into entities: the fields asked for (typed, with their
// options), the fields a kind of record cannot do without, the links between records, and the
// records to start with. Each part carries the requirement that asks for or needs it.
import pluralize from "pluralize";
import { bookedWords, entityConcepts, keptForWords } from "../catalog/entities";
import { fieldConcepts } from "../catalog/fields";
import type { FieldDraft } from "../understand/field-phrase";
import type { RecordStructure } from "../understand/record-structure";
import { isNoun } from "../understand/reading";
import { isClaimed, requirement, tag, type Draft, type EntityDraft, type FieldInput } from "./draft";

const lower = (text: string): string => text.toLowerCase();
export const labelOf = (entity: EntityDraft): string => lower(pluralize.singular(entity.pluralLabel));

export function fieldFromDraft(field: FieldDraft, options?: string[]): FieldInput {
  const input: FieldInput = { name: field.name, label: field.label.slice(0, 60), type: field.type, required: !!field.primary };
  const opts = (options ?? field.options)?.map((o) => o.slice(0, 40)).filter(Boolean).slice(0, 20);
  if (field.type === "enum" || opts?.length) {
    input.type = "enum";
    input.options = opts && opts.length ? capitalizeOptions(opts) : ["Option 1", "Option 2"];
  }
  if (field.multiple) input.multiple = true;
  if (field.min !== undefined) input.min = field.min;
  if (field.max !== undefined) input.max = field.max;
  if (field.unit) input.unit = field.unit.slice(0, 12);
  if (field.type === "boolean") input.defaultValue = false;
  if (field.defaultValue !== undefined) input.defaultValue = field.defaultValue;
  return input;
}

/** Options as the user wrote them, with a capital first letter unless they wrote codes ("GK"). */
export function capitalizeOptions(options: string[]): string[] {
  const seen = new Set<string>();
  return options
    .map((o) => (/^[a-z]/.test(o) ? o[0]!.toUpperCase() + o.slice(1) : o))
    .filter((o) => !seen.has(o.toLowerCase()) && !!seen.add(o.toLowerCase()));
}

export function conceptField(name: string): FieldInput | undefined {
  const concept = fieldConcepts.find((c) => c.name === name);
  if (!concept) return undefined;
  return fieldFromDraft({ name: concept.name, label: concept.label, type: concept.type, options: concept.options, multiple: concept.multiple, min: concept.min, max: concept.max, unit: concept.unit, primary: concept.primary });
}

/** "an amount", "a due date", "minutes", "notes": the article English puts before a field's name. */
export function withArticle(label: string): string {
  const last = label.split(" ").at(-1) ?? label;
  if (pluralize.isPlural(last) && last !== pluralize.singular(last) && !/ss$/.test(last)) return label;
  // A silent h takes "an" too ("an hourly rate").
  return `${(/^[aeiou]/i.test(label) && !/^(u[nr]i|eu|one)/i.test(label)) || /^(hour|honou?r|honest|heir)/i.test(label) ? "an" : "a"} ${label}`;
}

/** `catalogDefaults: false`: records the grammar found ("items with price") get no catalog fields of a namesake (a grocery item's tick). */
export function ensureEntity(draft: Draft, name: string, plural: string, requirementId: string, catalogDefaults = true): EntityDraft {
  let entity = draft.entities.get(name);
  if (!entity) {
    entity = { name, pluralLabel: plural, fields: [], belongsTo: [], computed: [], actions: [], requirementIds: [] };
    draft.entities.set(name, entity);
    const concept = catalogDefaults ? entityConcepts.find((c) => c.name === name) : undefined;
    for (const fieldName of concept?.fields ?? []) {
      const field = conceptField(fieldName);
      if (field) addField(entity, field, requirementId);
    }
  }
  tag(entity, requirementId);
  return entity;
}

/** Adds a field (or tags the existing one of that name); returns the field in the entity. */
export function addField(entity: EntityDraft, field: FieldInput, requirementId: string): FieldInput {
  const existing = entity.fields.find((f) => f.name === field.name || lower(f.label) === lower(field.label));
  if (existing) {
    // The prompt's options and type win over a catalog default.
    if (field.options && (field.type === "enum" || existing.type === "enum")) Object.assign(existing, { type: "enum", options: field.options });
    else if (existing.type !== field.type && field.type !== "string") Object.assign(existing, { type: field.type, min: field.min, max: field.max, unit: field.unit });
    return tag(existing, requirementId);
  }
  const added = tag({ ...field }, requirementId);
  entity.fields.push(added);
  return added;
}

export function primaryField(entity: EntityDraft): FieldInput | undefined {
  return entity.fields.find((f) => f.required && (f.type === "string" || f.type === "text")) ?? entity.fields.find((f) => f.type === "string") ?? entity.fields.find((f) => f.type === "text");
}

/** Every record needs a name to be listed by: add one, needed by the entity's own requirement. */
export function ensurePrimary(entity: EntityDraft): void {
  let primary = primaryField(entity);
  if (!primary) {
    primary = { name: entity.fields.some((f) => f.name === "name") ? "title" : "name", label: entity.fields.some((f) => f.name === "name") ? "Title" : "Name", type: "string", required: true, requirementIds: [...entity.requirementIds.slice(0, 1)] };
    entity.fields.unshift(primary);
  }
  primary.required = true;
  // The primary field is shown first: move it to the front.
  entity.fields = [primary, ...entity.fields.filter((f) => f !== primary)];
}

export function composeRecords(draft: Draft, structure: RecordStructure): void {
  const entityReq = new Map<string, string>();
  const { tokens } = draft.reading;
  for (const mention of structure.mentions) {
    // "customers can request a booking": the verb asks for the same records, added by a form.
    const asked = ["a", "an", "the"].includes(tokens[mention.from - 1]?.word ?? "") && ["request", "place", "submit"].includes(tokens[mention.from - 2]?.lemma ?? "") && !draft.claimed.has(mention.from - 2);
    // "my mum's medications": whose records they are is context of the same ask.
    const before = tokens[mention.from - 1];
    const keptFor = before && keptForWords.includes(before.lemma) && /'s?$/.test(before.text) && !draft.claimed.has(mention.from - 1);
    // "I'm a landlord with 4 flats": who keeps them is context of the same ask.
    const withAt = tokens[mention.from - 1]?.isNumber ? mention.from - 2 : mention.from - 1;
    const isRole = tokens[withAt]?.word === "with" && isNoun(tokens[withAt - 1]) && ["a", "an"].includes(tokens[withAt - 2]?.word ?? "") && ["i'm", "im", "am"].includes(tokens[withAt - 3]?.word ?? "");
    const keptBy = isRole && !isClaimed(draft, withAt - 3, mention.from) ? (tokens[withAt - 3]!.word === "am" && tokens[withAt - 4]?.word === "i" ? withAt - 4 : withAt - 3) : undefined;
    const id = requirement(draft, "entity", `Keep a list of ${lower(mention.plural)}`, asked ? mention.from - 2 : keptFor ? mention.from - 1 : keptBy ?? mention.from, mention.to);
    if (!entityReq.has(mention.entity)) entityReq.set(mention.entity, id);
    ensureEntity(draft, mention.entity, mention.plural, id, !!mention.concept || structure.mentions.some((m) => m.entity === mention.entity && m.concept));
  }
  for (const link of structure.links) {
    const id = requirement(draft, "relation", `Record which ${lower(link.object)} each ${lower(link.actor)} has on ${lower(link.link.entity)}`, link.span.from, link.span.to);
    const entity = ensureEntity(draft, link.link.entity, link.link.plural, id);
    for (const parent of [link.actor, link.object]) {
      const parentConcept = entityConcepts.find((c) => c.name === parent);
      ensureEntity(draft, parent, parentConcept?.plural ?? pluralize.plural(parent), id);
      if (!entity.belongsTo.includes(parent)) entity.belongsTo.push(parent);
    }
    for (const fieldName of link.link.fields) {
      const field = conceptField(fieldName);
      if (field) addField(entity, field, id);
    }
    entityReq.set(link.link.entity, entityReq.get(link.link.entity) ?? id);
  }
  // "members can leave a rating 1-5 for each book": a rating is a record of who rated what, and how well.
  for (const rated of structure.ratings) {
    const object = draft.entities.get(rated.object);
    const actor = rated.actor ? draft.entities.get(rated.actor) : undefined;
    if (!object || (rated.actor && !actor)) continue;
    const who = actor ? `each ${labelOf(actor)}` : "anyone";
    const id = requirement(draft, "relation", `${who[0]!.toUpperCase()}${who.slice(1)} can rate each ${labelOf(object)} from 1 to ${rated.max}; every rating is kept${actor ? ` with the ${labelOf(actor)} who gave it` : " with who gave it"}`, rated.span.from, rated.span.to);
    const name = draft.entities.has("Rating") && !draft.entities.get("Rating")!.belongsTo.includes(object.name) ? `${object.name}Rating`.slice(0, 40) : "Rating";
    const rating = ensureEntity(draft, name, name === "Rating" ? "Ratings" : `${labelOf(object)[0]!.toUpperCase()}${labelOf(object).slice(1)} ratings`, id, false);
    if (!actor) addField(rating, { name: "ratedBy", label: "Rated by", type: "string", required: true }, id);
    addField(rating, { name: rated.label.toLowerCase(), label: rated.label, type: "rating", min: 1, max: rated.max, required: true }, id);
    for (const parent of [object, actor]) if (parent && !rating.belongsTo.includes(parent.name)) rating.belongsTo.push(parent.name);
    entityReq.set(name, entityReq.get(name) ?? id);
  }
  for (const found of structure.fields) {
    const entity = draft.entities.get(found.entity);
    if (!entity) continue;
    const id = requirement(draft, "field", `Each ${labelOf(entity)} has ${found.field.type === "boolean" ? `a yes/no ${lower(found.field.label)}` : withArticle(lower(found.field.label))}${found.options ? ` (${found.options.options.join(", ")})` : ""}`, found.span.from, found.span.to);
    const field = fieldFromDraft(found.field, found.options?.options);
    addField(entity, field, id);
    if (found.options) {
      const contentId = requirement(draft, "content", `The ${lower(found.field.label)} choices are ${found.options.options.join(", ")}`, found.options.from, found.options.to);
      addField(entity, field, contentId);
    }
  }
  for (const relation of structure.relations) {
    const child = draft.entities.get(relation.child);
    const parent = draft.entities.get(relation.parent);
    if (!child || !parent || relation.child === relation.parent || parent.belongsTo.includes(child.name)) continue;
    const id = requirement(draft, "relation", `Each ${labelOf(child)} belongs to a ${labelOf(parent)}`, relation.span.from, relation.span.to);
    if (!child.belongsTo.includes(parent.name) && child.belongsTo.length < 5) child.belongsTo.push(parent.name);
    tag(child, id);
  }
  // "dogs … and walks booked on days and times": a walk is a dog's though no words link them.
  for (const child of draft.entities.values()) {
    const parent = entityConcepts.find((c) => c.name === child.name)?.of?.map((name) => draft.entities.get(name)).find((p) => p && !p.belongsTo.includes(child.name));
    const mention = structure.mentions.find((m) => m.entity === child.name);
    if (!parent || !mention || child.belongsTo.length) continue;
    const to = bookedWords.includes(tokens[mention.to]?.word ?? "") ? mention.to + 1 : mention.to;
    const id = requirement(draft, "relation", `Each ${labelOf(child)} is for a ${labelOf(parent)}, chosen from the ${lower(parent.pluralLabel)}`, mention.from, to);
    child.belongsTo.push(parent.name);
    tag(child, id);
  }
  for (const states of structure.states) {
    const entity = draft.entities.get(states.entity);
    if (!entity) continue;
    const id = requirement(draft, "field", `Each ${labelOf(entity)} has a status: ${states.options.join(", ")}`, states.span.from, states.span.to);
    addField(entity, { name: "status", label: "Status", type: "enum", options: capitalizeOptions(states.options), defaultValue: capitalizeOptions(states.options)[0] }, id);
  }
  for (const loose of structure.looseOptions) {
    const target = [...draft.entities.values()].flatMap((e) => e.fields.filter((f) => f.type === "enum" && ["type", "activity", "kind", "category"].includes(f.name)).map((f) => ({ e, f }))).at(0);
    if (!target) continue;
    const id = requirement(draft, "content", `The ${lower(target.f.label)} choices include ${loose.options.join(", ")}`, loose.span.from, loose.span.to);
    target.f.options = capitalizeOptions([...loose.options, "Other"]);
    tag(target.f, id);
  }
  for (const group of structure.instances) {
    const entity = draft.entities.get(group.entity);
    if (!entity) continue;
    const id = requirement(draft, "content", `Starts with the ${lower(entity.pluralLabel)} ${group.names.join(", ")}`, group.span.from, group.span.to);
    ensurePrimary(entity);
    const primary = primaryField(entity)!;
    entity.initialRecords = capitalizeOptions(group.names).map((n) => ({ [primary.name]: n }));
    tag(entity, id);
  }
  // A task with a status that can be "Done" needs no separate Done box: the catalog's default
  // gives way to the status the prompt asked for.
  for (const entity of draft.entities.values()) {
    const hasClosingStatus = entity.fields.some((f) => f.type === "enum" && f.options?.some((o) => o.toLowerCase() === "done"));
    const done = entity.fields.find((f) => f.name === "done" && f.type === "boolean");
    if (hasClosingStatus && done && (done.requirementIds ?? []).every((id) => entity.requirementIds.includes(id))) entity.fields = entity.fields.filter((f) => f !== done);
  }
}
