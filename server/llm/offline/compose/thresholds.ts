// Records whose number stands on the wrong side of another of their own numbers: "show me a list
// of products that are below their reorder level", "projects whose spend is over their budget".
// The phrase names the number compared against (its field's label); the number compared is the
// one named before it ("whose quantity is below…"), else the record's other number. A view lists
// the records for which the comparison holds.
import { comparedDeterminers, comparisons } from "../catalog/thresholds";
import { findPattern } from "../understand/match-pattern";
import { lemmaOf, type Token } from "../understand/tokens";
import { sentenceOf } from "../understand/reading";
import { addSection, isClaimed, requirement, type Draft, type EntityDraft, type FieldInput } from "./draft";
import { labelOf } from "./records";
import { recordsPage } from "./views";

const isNumber = (field: FieldInput): boolean => field.type === "number" || field.type === "money";

const labelWords = (field: FieldInput): string[] => String(field.label).toLowerCase().split(/\s+/);

/** How the prompt may name a field: its label, and the words that asked for it ("minimum stock" for a reorder level). */
function namesOf(draft: Draft, field: FieldInput): string[][] {
  const quotes = (field.requirementIds ?? []).flatMap((id) => draft.requirements.filter((r) => r.id === id && r.kind === "field").map((r) => r.quote.toLowerCase()));
  return [labelWords(field), ...quotes.map((q) => q.split(/\s+/).filter((w, k) => k > 0 || !["a", "an", "the"].includes(w)))].filter((words) => words.length && words.length <= 4);
}

/** The number field that the tokens from `at` name in full ("reorder level"), and where its words end. */
function numberFieldAt(draft: Draft, at: number): { entity: EntityDraft; field: FieldInput; to: number } | undefined {
  const { tokens } = draft.reading;
  for (const entity of draft.entities.values()) {
    for (const field of entity.fields.filter(isNumber)) {
      const words = namesOf(draft, field).find((name) => name.every((w, k) => tokens[at + k] && (tokens[at + k]!.word === w || tokens[at + k]!.lemma === lemmaOf(w))));
      if (words) return { entity, field, to: at + words.length };
    }
  }
  return undefined;
}

/** A word of the entity's name ("products", "product"). */
const names = (entity: EntityDraft, token: Token | undefined): boolean => !!token && [labelOf(entity), entity.pluralLabel.toLowerCase(), entity.name.toLowerCase()].includes(token.lemma);

/** Words that lead into the phrase and belong to its quote: "show me a list of products that are". */
const leadWords = new Set(["that", "which", "who", "whose", "where", "are", "is", "have", "has", "gone", "fallen", "dropped", "running", "currently", "now", "still", "of", "list", "table", "view", "a", "the", "me", "us", "show", "see"]);

export function composeThresholds(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const comparison of comparisons) {
    for (const match of findPattern(tokens, comparison.pattern)) {
      if (isClaimed(draft, match.from, match.to)) continue;
      let at = match.to;
      while (comparedDeterminers.includes(tokens[at]?.word ?? "") && at - match.to < 2) at++;
      const right = numberFieldAt(draft, at);
      if (!right || isClaimed(draft, at, right.to)) continue;
      const { entity } = right;
      // "whose quantity is below…": the number compared, named just before; else the record's other number.
      const sentence = sentenceOf(draft.reading, match.from);
      const namedLeft = entity.fields.find((f) => f !== right.field && isNumber(f) && tokens.slice(Math.max(sentence.from, match.from - 4), match.from).some((t) => namesOf(draft, f).flat().some((w) => w.length > 2 && (t.word === w || t.lemma === lemmaOf(w)))));
      const left = namedLeft ?? entity.fields.find((f) => f !== right.field && isNumber(f));
      if (!left) continue;
      let from = match.from;
      while (from > sentence.from && (leadWords.has(tokens[from - 1]!.word) || names(entity, tokens[from - 1]) || (namedLeft && namesOf(draft, namedLeft).flat().includes(tokens[from - 1]!.word)))) from--;
      const plural = entity.pluralLabel.toLowerCase();
      const [leftLabel, rightLabel] = [String(left.label).toLowerCase(), String(right.field.label).toLowerCase()];
      const sign = { lt: "<", lte: "≤", gt: ">", gte: "≥" }[comparison.op];
      const id = requirement(draft, "view", `Lists the ${plural} whose ${leftLabel} is ${comparison.words} their ${rightLabel} (${leftLabel} ${sign} ${rightLabel})`, from, right.to);
      const title = `${entity.pluralLabel} ${comparison.words} their ${rightLabel}`.slice(0, 80);
      addSection(draft, recordsPage(draft, entity), {
        type: "records", title, entity: entity.name,
        where: [{ field: String(left.name), op: comparison.op, valueField: String(right.field.name) }],
        create: false, emptyText: `No ${plural} ${comparison.words} their ${rightLabel}`, requirementIds: [id],
      });
    }
  }
}
