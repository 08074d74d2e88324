// Several records picked for each record of another kind: "players … and pick a starting 11 for
// each match". The occasion (a match) is a record of its own; it has a field holding the records
// picked for it (the players, by id), at most the number the prompt says. The phrase is read
// before the records are (its words name no field of a player), and built once they exist.
import pluralize from "pluralize";
import { entityConcepts } from "../catalog/entities";
import { pickManyPatterns, pickVerbs } from "../catalog/lineups";
import { camelName, sentenceCase } from "../understand/field-phrase";
import { findAny } from "../understand/match-pattern";
import { isClaimed, requirement, type Draft } from "./draft";
import { addField, ensureEntity } from "./records";

/** A pick phrase read from the prompt, its requirements already traced. */
export type LineupAsk = { label: string; occasion: { name: string; plural: string }; max?: number; pickId: string; occasionId: string; span: { from: number; to: number } };

/** Finds "pick a starting 11 for each match" and traces it: the pick (a relation) and the occasion (an entity). */
export function readLineup(draft: Draft): LineupAsk | undefined {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, pickManyPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return undefined;
  const forAt = tokens.findIndex((t, i) => i > hit.from && i < hit.to && (t.word === "for" || t.word === "per"));
  if (forAt < 0) return undefined;
  // The choice's name: the words after the verb and its determiner ("a starting 11" → Starting 11).
  let nameFrom = hit.from;
  while (nameFrom < forAt && (pickVerbs.includes(tokens[nameFrom]!.lemma) || ["a", "the", "his", "her", "my", "our"].includes(tokens[nameFrom]!.word))) nameFrom++;
  const words = tokens.slice(nameFrom, forAt);
  if (!words.length) return undefined;
  const label = sentenceCase(words.map((t) => t.text).join(" "));
  const number = words.find((t) => t.isNumber);
  const max = number ? Number(number.text) : undefined;
  const occasionWord = tokens[hit.to - 1]!.lemma;
  const concept = entityConcepts.find((c) => c.words.includes(occasionWord));
  const occasion = concept ? { name: concept.name, plural: concept.plural } : { name: occasionWord[0]!.toUpperCase() + occasionWord.slice(1), plural: sentenceCase(pluralize.plural(occasionWord)) };
  const occasionId = requirement(draft, "entity", `Keep a list of ${occasion.plural.toLowerCase()}`, forAt + 1, hit.to);
  const pickId = requirement(draft, "relation", `Pick ${max ? `up to ${max} ` : "several "}records for each ${occasion.name.toLowerCase()}: its ${label}`, hit.from, forAt);
  return { label, occasion, max: max && max >= 1 && max <= 100 ? max : undefined, pickId, occasionId, span: { from: hit.from, to: hit.to } };
}

/** Builds the occasion and its pick field over the records the prompt keeps (the first other kind). */
export function composeLineup(draft: Draft, ask: LineupAsk | undefined): void {
  if (!ask) return;
  const picked = [...draft.entities.values()].find((e) => e.name !== ask.occasion.name);
  const pick = draft.requirements.find((r) => r.id === ask.pickId);
  if (!picked || !pick) {
    if (pick) Object.assign(pick, { status: "unsupported", reason: "The prompt names no records to pick from." });
    return;
  }
  pick.text = `Pick ${ask.max ? `up to ${ask.max} ` : "several "}${picked.pluralLabel.toLowerCase()} for each ${ask.occasion.name.toLowerCase()} (its ${ask.label.toLowerCase()})`.slice(0, 200);
  const occasion = ensureEntity(draft, ask.occasion.name, ask.occasion.plural, ask.occasionId);
  addField(occasion, { name: camelName(ask.label), label: ask.label, type: "enum", multiple: true, ref: picked.name, ...(ask.max ? { maxChoices: ask.max } : {}) }, ask.pickId);
}
