// Records whose turn comes round again: "each plant has how often it needs water (every X days).
// show which plants need watering today and a button to say I watered it". The record keeps when
// it was last done; the next time is that date plus its interval; a view lists the records whose
// next time is today or past, and a button records the act as done today, so the record leaves
// the view until its turn comes again.
import { careVerbs, contactPurposes, donePatterns, duePatterns, notSincePatterns, spanDays, type CareVerb } from "../catalog/care";
import { findAny } from "../understand/match-pattern";
import { camelName } from "../understand/field-phrase";
import { addSection, isClaimed, requirement, tag, type Draft } from "./draft";
import { addField, conceptField, labelOf } from "./records";
import { recordsPage } from "./views";

/** The interval field of the catalog's "how often" concept (catalog/fields.ts). */
const intervalFieldName = "everyDays";

/** The first of the catalog's care verbs that the prompt uses, in any of its forms. */
function careVerbOf(draft: Draft): CareVerb | undefined {
  const words = draft.reading.tokens.map((t) => [t.word, t.lemma]);
  return careVerbs.find((v) => words.some(([word, lemma]) => [v.verb, v.done, v.doing].includes(word!) || lemma === v.verb));
}

/** The catalog's patterns with the verb's forms filled in; without a verb its alternatives drop out. */
function fill(patterns: string[], verb: CareVerb | undefined): string[] {
  const forms: Record<string, string | undefined> = { "{verb}": verb?.verb, "{doing}": verb?.doing, "{done}": verb?.done };
  return patterns.flatMap((pattern) => {
    const parts = pattern.split(" ").map((part) => {
      const optional = part.endsWith("?") ? "?" : "";
      const alternatives = part.replace(/\?$/, "").split("|").map((a) => (a in forms ? forms[a] : a)).filter((a): a is string => !!a);
      return alternatives.length ? alternatives.join("|") + optional : null;
    });
    return parts.every((p) => p !== null) ? [parts.join(" ")] : [];
  });
}

export function composeDue(draft: Draft): void {
  const entity = [...draft.entities.values()].find((e) => e.fields.some((f) => f.name === intervalFieldName && f.type === "number"));
  if (!entity) return;
  const { tokens } = draft.reading;
  const verb = careVerbOf(draft);
  const due = findAny(tokens, fill(duePatterns, verb));
  const done = verb ? findAny(tokens, fill(donePatterns, verb)) : undefined;
  // The phrase may name the record ("which plants need…"), which its mention claimed: only the
  // words past the record's name must be free.
  const isFree = (hit: { from: number; to: number } | undefined) => !!hit && !isClaimed(draft, Math.max(hit.from, hit.to - 2), hit.to);
  if (!isFree(due) && !isFree(done)) return;
  const plural = entity.pluralLabel.toLowerCase();
  const doneWord = verb?.done ?? "done";
  const lastLabel = `Last ${doneWord}`;
  // The interval needs a date to count from; the view and the button both read and write it.
  const ids: string[] = [];
  let section: Parameters<typeof addSection>[2] | undefined;
  // Required: without a first date the next one cannot be counted, and the record would never be due.
  const last = () => addField(entity, { name: camelName(lastLabel), label: lastLabel, type: "date", required: true }, ids[0]!);
  if (due && isFree(due)) {
    // "which plants need watering today": the quote starts at "show" when it asks to be shown.
    const from = ["show", "see", "list"].includes(tokens[due.from - 1]?.word ?? "") ? due.from - 1 : due.from;
    const id = requirement(draft, "view", `Lists the ${plural} due ${verb ? `for ${verb.doing}` : ""} today: ${lastLabel.toLowerCase()} plus every (days) is today or earlier`.replace("  ", " "), from, due.to);
    ids.push(id);
    const lastField = last();
    const nextName = camelName(`next ${verb?.doing ?? "due"}`);
    if (!entity.computed.some((c) => c.name === nextName)) {
      entity.computed.push({ name: nextName, label: verb ? `Next ${verb.doing}` : "Next due", expr: { op: "add", args: [{ field: String(lastField.name) }, { field: intervalFieldName }] }, format: "date", requirementIds: [id] });
    }
    const title = verb ? `Need ${verb.doing} today` : `Due today`;
    section = addSection(draft, recordsPage(draft, entity), { type: "records", title, entity: entity.name, where: [{ field: nextName, op: "onOrBeforeToday" }], create: false, emptyText: `No ${plural} due today`, requirementIds: [id] });
  }
  if (done && isFree(done)) {
    const from = tokens[done.from - 1]?.word === "a" ? done.from - 1 : done.from;
    const label = doneWord[0]!.toUpperCase() + doneWord.slice(1);
    const id = requirement(draft, "interaction", `A "${label}" button on each ${labelOf(entity)} sets its ${lastLabel.toLowerCase()} date to today`, from, done.to);
    ids.push(id);
    const lastField = tag(last(), id);
    const action = { label, set: { [String(lastField.name)]: { today: true as const } }, requirementIds: [id] };
    if (!entity.actions.some((a) => a.label === label)) entity.actions.push(action);
    // On the due list too, where pressing it takes the record off the list.
    if (section && section.type === "records") section.actions = [...(section.actions ?? []), action];
  }
}

/**
 * "who i havent seen in over 2 months so i can text them": the records whose last date (a "Last
 * groomed" field) is more than the span before today, with their parent's phone beside them when
 * the prompt says why it wants them (to text them).
 */
export function composeNotSince(draft: Draft): void {
  const { tokens } = draft.reading;
  const verb = careVerbOf(draft);
  const hit = findAny(tokens, fill(notSincePatterns, verb));
  if (!hit || isClaimed(draft, hit.from, hit.to)) return;
  // The record with a "last …" date ("Last groomed"), else the one named before the phrase
  // ("clients I haven't seen"), which then needs that date.
  const dated = [...draft.entities.values()].find((e) => e.fields.some((f) => f.type === "date" && /^last/.test(String(f.name))));
  const named = [...draft.entities.values()].find((e) => tokens.slice(Math.max(0, hit.from - 4), hit.from).some((t) => t.lemma === labelOf(e) || t.lemma === e.pluralLabel.toLowerCase()));
  const entity = dated ?? named;
  if (!entity) return;
  const lastLabel = `Last ${verb?.done ?? "seen"}`;
  const last = entity.fields.find((f) => f.type === "date" && /^last/.test(String(f.name))) ?? addField(entity, { name: camelName(lastLabel), label: lastLabel, type: "date" }, entity.requirementIds[0] ?? "r1");
  const amount = tokens.slice(hit.from, hit.to).find((t) => t.isNumber);
  const unit = tokens[hit.to - 1]!.lemma;
  const n = amount ? Number(amount.text) : 1;
  const days = n * (spanDays[unit] ?? 1);
  if (!Number.isFinite(days) || days < 1) return;
  const from = ["who", "which", "what"].includes(tokens[hit.from - 2]?.word ?? "") ? hit.from - 2 : ["who", "which"].includes(tokens[hit.from - 1]?.word ?? "") ? hit.from - 1 : hit.from;
  const span = `${n} ${n === 1 ? unit : `${unit}s`}`;
  const id = requirement(draft, "view", `Lists the ${entity.pluralLabel.toLowerCase()} whose ${String(last.label).toLowerCase()} date is more than ${days} days (${span}) ago`, from, hit.to);
  tag(last, id);
  const columns = [String(entity.fields[0]?.name ?? "name"), ...entity.belongsTo, String(last.name)];
  const purpose = contactPurposes.map((c) => ({ ...c, hit: findAny(tokens, [c.pattern], hit.to, Math.min(tokens.length, hit.to + 8)) })).find((c) => c.hit && !isClaimed(draft, c.hit.from, c.hit.to));
  const parent = entity.belongsTo.map((name) => draft.entities.get(name)).find((p) => p);
  if (purpose?.hit) {
    // To text them the list needs their number: the parent's (a dog's client), else the record's own.
    const holder = parent ?? entity;
    const contactId = requirement(draft, "field", `Each ${labelOf(holder)} has a ${purpose.field === "phone" ? "phone number" : "email address"} to contact them by`, purpose.hit.from, purpose.hit.to);
    const field = addField(holder, conceptField(purpose.field) ?? { name: purpose.field, label: purpose.field, type: purpose.field }, contactId);
    columns.splice(holder === entity ? 1 : 1 + entity.belongsTo.indexOf(holder.name) + 1, 0, holder === entity ? String(field.name) : `${holder.name}.${String(field.name)}`);
  }
  const title = `Not ${verb?.done ?? "seen"} in over ${span}`.replace(/^./, (c) => c.toUpperCase());
  addSection(draft, recordsPage(draft, entity), { type: "records", title, entity: entity.name, where: [{ field: String(last.name), op: "olderThanDays", days }], sort: { field: String(last.name), direction: "asc" }, columns, create: false, emptyText: `Every ${labelOf(entity)} has been ${verb?.done ?? "seen"} in the last ${span}`, requirementIds: [id] });
}
