// Fields said as clauses in a run of "and"s rather than listed after "with": "my clients and their
// dogs and when each dog was last groomed and what i charged". A clause opened by "when" is a
// date ("Last groomed"); one opened by "what I …" is the amount, if its verb says money
// ("charged", "paid"). Each belongs to the record it names ("each dog"), else the nearest before.
import { careVerbs, intervalPattern, spanDays } from "../catalog/care";
import { fieldConcepts } from "../catalog/fields";
import type { EntityMention } from "./entity-mentions";
import { findPattern } from "./match-pattern";
import { camelName, readFieldPhrase, sentenceCase, type FieldDraft } from "./field-phrase";
import type { Span } from "./lists";
import { sentenceOf, type Reading } from "./reading";
import { pronouns } from "./words";

export type ClauseField = { entity: string; field: FieldDraft; span: Span };

const clauseEnds = new Set(["and", ",", ".", ";", "!", "?", "so", "or", "but"]);

export function readClauseFields(reading: Reading, mentions: EntityMention[], used: Set<number>, claimed: Set<number>): ClauseField[] {
  const { tokens } = reading;
  const found: ClauseField[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const opener = tokens[i]!.word;
    if (!["when", "what"].includes(opener) || !["and", ","].includes(tokens[i - 1]!.word)) continue;
    let to = i + 1;
    while (to < tokens.length && to - i < 8 && !clauseEnds.has(tokens[to]!.word)) to++;
    if (Array.from({ length: to - i }, (_, k) => i + k).some((k) => used.has(k) || claimed.has(k))) continue;
    const words = tokens.slice(i, to);
    let field = readFieldPhrase(words);
    if (!field) continue;
    if (opener === "what") {
      // "what i charged": the verb after the pronoun names the amount; "what i want" is no field.
      if (field.type !== "money" || !pronouns.has(words[1]?.word ?? "")) continue;
      const label = sentenceCase(`amount ${words.slice(2).map((t) => t.text).join(" ")}`);
      field = { ...field, name: camelName(label), label };
    } else if (field.type !== "date") continue;
    const sentence = sentenceOf(reading, i);
    const inside = mentions.find((m) => m.from > i && m.to <= to);
    const before = [...mentions].reverse().find((m) => m.to <= i && m.from >= sentence.from);
    const owner = inside ?? before;
    if (!owner) continue;
    found.push({ entity: owner.entity, field, span: { from: i, to } });
    for (let k = i; k < to; k++) used.add(k);
    i = to - 1;
  }
  return found;
}

/**
 * "water my plants every 5 days": an interval said right after a care verb is every record's
 * "every (days)" field, starting at that many days. Without the verb "every day" is a rhythm
 * ("tick off each habit every day"), not a field.
 */
export function readIntervalFields(reading: Reading, mentions: EntityMention[], used: Set<number>, claimed: Set<number>): ClauseField[] {
  const { tokens } = reading;
  const concept = fieldConcepts.find((c) => c.name === "everyDays");
  const forms = new Set(careVerbs.flatMap((v) => [v.verb, v.done, v.doing]));
  if (!concept) return [];
  const found: ClauseField[] = [];
  for (const hit of findPattern(tokens, intervalPattern)) {
    if (used.has(hit.from) || claimed.has(hit.from)) continue;
    const verbAt = [1, 2, 3].map((k) => hit.from - k).find((k) => k >= 0 && forms.has(tokens[k]!.word));
    if (verbAt === undefined) continue;
    const number = tokens.slice(hit.from, hit.to).find((t) => t.isNumber);
    const days = (number ? Number(number.text) : 1) * (spanDays[tokens[hit.to - 1]!.lemma] ?? 1);
    const sentence = sentenceOf(reading, hit.from);
    const owner = mentions.find((m) => m.from > verbAt && m.to <= hit.from) ?? [...mentions].reverse().find((m) => m.to <= verbAt && m.from >= sentence.from) ?? mentions.find((m) => m.from >= hit.to && m.from < sentence.to);
    if (!owner || !Number.isFinite(days) || days < 1) continue;
    found.push({ entity: owner.entity, field: { name: concept.name, label: concept.label, type: "number", min: concept.min, unit: concept.unit, sample: days, concept: concept.name, defaultValue: days }, span: { from: verbAt, to: hit.to } });
    for (let k = hit.from; k < hit.to; k++) used.add(k);
  }
  return found;
}
