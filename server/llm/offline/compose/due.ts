// Records whose turn comes round again: "each plant has how often it needs water (every X days).
// show which plants need watering today and a button to say I watered it". The record keeps when
// it was last done; the next time is that date plus its interval; a view lists the records whose
// next time is today or past, and a button records the act as done today, so the record leaves
// the view until its turn comes again.
import { careVerbs, donePatterns, duePatterns, type CareVerb } from "../catalog/care";
import { findAny } from "../understand/match-pattern";
import { camelName } from "../understand/field-phrase";
import { addSection, isClaimed, requirement, tag, type Draft, type EntityDraft } from "./draft";
import { addField, labelOf } from "./records";
import { recordsPage } from "./views";

/** The interval field of the catalog's "how often" concept (catalog/fields.ts). */
const intervalFieldName = "everyDays";

/** The care verb the prompt uses, nearest the interval or due words first. */
function careVerbOf(draft: Draft): CareVerb | undefined {
  const words = draft.reading.tokens.map((t) => [t.word, t.lemma]);
  return careVerbs.find((v) => words.some(([word, lemma]) => [v.verb, v.done, v.doing].includes(word!) || lemma === v.verb));
}

const fill = (patterns: string[], verb: CareVerb | undefined): string[] =>
  patterns.filter((p) => verb || !/\{/.test(p)).map((p) => p.replaceAll("{verb}", verb?.verb ?? "").replaceAll("{doing}", verb?.doing ?? "").replaceAll("{done}", verb?.done ?? ""));

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
    const id = requirement(draft, "view", `Lists the ${plural} whose turn has come: ${lastLabel.toLowerCase()} plus its every (days) is today or earlier`, from, due.to);
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
    const lastField = ids.length === 1 ? last() : tag(last(), id);
    const action = { label, set: { [String(lastField.name)]: { today: true as const } }, requirementIds: [id] };
    if (!entity.actions.some((a) => a.label === label)) entity.actions.push(action);
    // On the due list too, where pressing it takes the record off the list.
    if (section && section.type === "records") section.actions = [...(section.actions ?? []), action];
  }
}
