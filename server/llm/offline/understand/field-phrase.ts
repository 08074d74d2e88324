// Reads one field phrase of a prompt ("a 1-5 star rating", "paid or not", "whether they've
// RSVP'd", "quantity in stock", "when each dog was last groomed") into a typed field.
import type { TFieldType } from "~/server/plan/field-types";
import { fieldConcepts, moneyNouns, moneyWords, type FieldConcept } from "../catalog/fields";
import { findPattern } from "./match-pattern";
import type { Token } from "./tokens";
import { auxiliaries, determiners, pronouns } from "./words";

export type FieldDraft = {
  name: string;
  label: string;
  type: TFieldType;
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  unit?: string;
  sample?: string | number | boolean;
  /** What a new record starts with, when the prompt says it ("water them every 5 days"). */
  defaultValue?: number;
  primary?: boolean;
  /** The catalog concept it was read as, if any. */
  concept?: string;
};

export const camelName = (label: string): string => {
  const words = label.replace(/['’]/g, "").split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 4);
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
  const safe = /^[A-Za-z]/.test(name) ? name : `field${name}`;
  return safe.slice(0, 40) || "field";
};

export const sentenceCase = (text: string): string => {
  const trimmed = text.trim().replace(/\s+/g, " ");
  // Keep words the user capitalised (SKU, RSVP'd, English); only the first letter is raised.
  return trimmed ? trimmed[0]!.toUpperCase() + trimmed.slice(1) : trimmed;
};

const unitNames: Record<string, string> = { minute: "min", minutes: "min", min: "min", mins: "min", hour: "h", hours: "h", kg: "kg", kilo: "kg", lb: "lb", km: "km", mile: "mi", miles: "mi", day: "days", days: "days", cm: "cm", g: "g" };

/** The concept whose trigger matches the phrase best: the longest match, the later (head) one on a tie. */
export function conceptOf(tokens: Token[]): { concept: FieldConcept; from: number; to: number } | undefined {
  let best: { concept: FieldConcept; from: number; to: number; literal: number } | undefined;
  for (const concept of fieldConcepts) {
    for (const words of concept.words) {
      for (const match of findPattern(tokens, words)) {
        const length = match.to - match.from;
        const bestLength = best ? best.to - best.from : 0;
        // Of two equally long matches, the one spelled as written wins: "times of day" (several) over "time of day".
        const literal = tokens.slice(match.from, match.to).filter((t) => words.split(/\s+/).some((part) => part.split("|").includes(t.word))).length;
        if (!best || length > bestLength || (length === bestLength && (match.to > best.to || (match.to === best.to && literal > best.literal)))) best = { concept, ...match, literal };
      }
    }
  }
  return best && { concept: best.concept, from: best.from, to: best.to };
}

/** Strips leading determiners and possessives ("a", "their", "each client's"). */
const givingVerbs = new Set(["pick", "choose", "select", "leave", "enter", "give", "type", "set", "add", "write", "record", "note", "put", "include", "upload", "attach"]);
export function stripLeading(tokens: Token[]): Token[] {
  let from = 0;
  while (from < tokens.length - 1 && (determiners.has(tokens[from]!.word) || givingVerbs.has(tokens[from]!.word) || tokens[from]!.word.endsWith("'s") || tokens[from]!.word.endsWith("s'"))) from++;
  return tokens.slice(from);
}

const textOf = (tokens: Token[]): string => tokens.map((t) => t.text).join(" ").replace(/\s+([,)])/g, "$1").replace(/\(\s+/g, "(").replace(/\s*-\s*/g, "-");

/** Drops a subject pronoun and its auxiliary: "they've paid this year's subs" → "paid this year's subs". */
function dropSubject(tokens: Token[]): Token[] {
  let from = 0;
  while (from < tokens.length - 1 && (pronouns.has(tokens[from]!.word) || auxiliaries.has(tokens[from]!.word) || determiners.has(tokens[from]!.word) || tokens[from]!.tags.has("Pronoun"))) from++;
  return tokens.slice(from);
}

function ratingMax(tokens: Token[]): number | undefined {
  const numbers = tokens.filter((t) => t.isNumber).map((t) => Number(t.text));
  const max = Math.max(...numbers.filter((n) => n >= 3 && n <= 10));
  return Number.isFinite(max) ? max : undefined;
}

/** "photo" → Photo; "cover picture" → Cover picture (one noun or adjective before it); anything else before it → none. */
function pictureField(words: Token[], match: { concept: FieldConcept; from: number; to: number }): FieldDraft | undefined {
  const before = words.slice(0, match.from);
  const modifier = before.length === 1 && (before[0]!.tags.has("Noun") || before[0]!.tags.has("Adjective")) && !before[0]!.tags.has("Pronoun") ? before[0]! : undefined;
  if (before.length && !modifier) return undefined;
  const { concept } = match;
  // The user's own word: "a picture" is a Picture, "an image" an Image.
  const word = words[match.to - 1]!.lemma;
  const own = ["photo", "picture", "image"].includes(word) ? word : concept.label.toLowerCase();
  const label = sentenceCase(modifier ? `${modifier.text} ${own}` : own);
  return { name: camelName(label), label, type: "image", concept: concept.name };
}

/** Answers that make a field a yes/no box: "sold yes/no", "paid y/n", "returned (yes or no)". */
const yesNoAnswers = [["yes", "no"], ["y", "n"], ["true", "false"]];

/** Where a trailing yes/no answer starts in `words` ("sold yes / no" → 1), or -1. */
export function yesNoSuffix(words: Token[]): number {
  for (const [yes, no] of yesNoAnswers) {
    const last = words.length - 1;
    if (last >= 2 && words[last]!.word === no && words[last - 1]!.word === "or" && words[last - 2]!.word === yes) return last - 2;
    if (last >= 1 && words[last]!.word === no && words[last - 1]!.word === yes) return last - 1;
  }
  return -1;
}

/** Is this group of options a yes/no answer ("yes/no", "y/n", "true/false")? */
export const isYesNo = (options: string[]): boolean => yesNoAnswers.some(([yes, no]) => options.length === 2 && options[0]!.toLowerCase() === yes && options[1]!.toLowerCase() === no);

/** How often a value comes, said after it ("rent per month", "glasses a day"): no part of the field's name. */
const rhythmWords = new Set(["day", "week", "month", "year", "night", "session", "visit"]);

export function readFieldPhrase(raw: Token[]): FieldDraft | undefined {
  const tokens = stripLeading(raw.filter((t) => t.text !== "(" && t.text !== ")"));
  let words = tokens.filter((t) => t.isWord || t.isNumber);
  if (words.length === 0 || words.length > 9) return undefined;
  // "sold yes/no", "paid y/n": a yes/no box named by the words before the answers.
  const yesNoAt = yesNoSuffix(words);
  if (yesNoAt > 0) {
    const body = words.slice(0, yesNoAt);
    const named = readFieldPhrase(body);
    const label = named?.type === "boolean" ? named.label : sentenceCase(textOf(body));
    return { name: named?.type === "boolean" ? named.name : camelName(label), label, type: "boolean", sample: true, concept: named?.type === "boolean" ? named.concept : undefined };
  }
  // "rent per month", "glasses a day": the rhythm names no field.
  const rhythmAt = words.findIndex((t, i) => i > 0 && ["per", "a", "each", "every"].includes(t.word) && rhythmWords.has(words[i + 1]?.lemma ?? "") && i + 2 === words.length);
  if (rhythmAt > 0) words = words.slice(0, rhythmAt);
  const first = words[0]!.word;

  // Yes/no: "whether they've paid", "paid or not", "if it's done".
  const orNot = words.findIndex((t, i) => t.word === "or" && words[i + 1]?.word === "not");
  if (first === "whether" || first === "if" || orNot > 0) {
    const body = orNot > 0 ? words.slice(0, orNot) : dropSubject(words.slice(1));
    const label = sentenceCase(textOf(body)) || "Yes";
    const concept = conceptOf(body);
    const fromCatalog = concept && concept.concept.type === "boolean" && body.length === concept.to - concept.from;
    return { name: fromCatalog ? concept.concept.name : camelName(label), label: fromCatalog ? concept.concept.label : label, type: "boolean", sample: true, concept: fromCatalog ? concept.concept.name : undefined };
  }

  // "when each dog was last groomed", "the date I got them": a date.
  if (first === "when" || (words.some((t) => t.lemma === "date") && words.some((t) => t.tags.has("Pronoun")))) {
    const afterSubject = first === "when" ? dropSubject(stripLeading(words.slice(1)).slice(1)) : words;
    const label = first === "when" ? sentenceCase(textOf(afterSubject)) : sentenceCase(textOf(words.filter((t) => !t.tags.has("Pronoun"))));
    return { name: camelName(label), label, type: "date", sample: "{{today}}" };
  }

  // "how many people they're bringing": a count.
  if (first === "how" && words[1]?.word === "many") {
    const noun = words[2];
    const verb = words.slice(3).find((t) => t.tags.has("Verb") && !auxiliaries.has(t.word) && !t.tags.has("Pronoun"));
    const label = sentenceCase([noun?.text, verb?.text].filter(Boolean).join(" ")) || "How many";
    return { name: camelName(label), label, type: "number", min: 0, sample: 2 };
  }

  // "times of day she takes it": the relative clause is not part of the name.
  const pronounAt = words.findIndex((t, i) => i > 0 && t.tags.has("Pronoun") && !["which", "what"].includes(first));
  if (pronounAt > 0 && first !== "what") words.splice(pronounAt);
  const match = conceptOf(words);
  const max = ratingMax(words);
  // A rating needs a scale ("1-5 star rating", "stars"); a chess rating of 1650 is a number.
  const isRating = words.some((t) => t.lemma === "star") || (words.some((t) => t.lemma === "rating") && max !== undefined);
  const unitIndex = words.findIndex((t, i) => t.word === "in" && i > 0 && unitNames[words[i + 1]?.word ?? ""]);
  const unit = unitIndex > 0 ? unitNames[words[unitIndex + 1]!.word] : undefined;

  // "which table they're sitting at" → Table; "what was done" keeps its words as the label.
  let labelTokens = words;
  if ((first === "which" || first === "what") && words.length > 1) {
    labelTokens = first === "which" ? [words[1]!] : words;
  }
  // A picture is named by its own words ("a photo", "a cover picture"), never by what surrounds
  // it ("an image of each tool"); words before it that are no modifier ("log my clothes with a
  // picture") are another phrase's, not this field's.
  if (match?.concept.type === "image") return pictureField(words, match);
  const exact = match && match.from === 0 && match.to === words.length;
  // A unit named as the field keeps the user's spelling ("liters" → Liters).
  const ownWord = exact && match.concept.ownWord && words.length === 1 ? sentenceCase(words[0]!.text) : undefined;
  const label = ownWord ?? (exact ? match.concept.label : sentenceCase(textOf(unitIndex > 0 ? labelTokens.slice(0, unitIndex) : labelTokens).replace(/^(\d+)-(\d+) /, "")));

  let type: TFieldType = match?.concept.type ?? "string";
  if (type === "rating" && !isRating) type = "number";
  if (!match && words.some((t) => moneyWords.includes(t.lemma))) type = "money";
  // "money made", "cost paid": a sum of money whatever the participle after it says (not a yes/no box).
  if (type === "boolean" && !exact && words.some((t, i) => moneyNouns.includes(t.lemma) && i < match!.from)) type = "money";
  if (isRating) type = "rating";
  const draft: FieldDraft = {
    name: exact ? match.concept.name : camelName(label.replace(/^(\d+)[-–](\d+)\s*/, "")),
    label: isRating && !exact ? "Rating" : label,
    type,
    concept: match && match.concept.type === "boolean" && type === "money" ? undefined : match?.concept.name,
  };
  if (isRating) Object.assign(draft, { name: "rating", min: 1, max: max ?? 5, sample: Math.min(4, max ?? 5) });
  else if (match && draft.concept) {
    const c = match.concept;
    Object.assign(draft, { options: c.options, multiple: c.multiple, min: c.min, max: c.max, unit: c.unit, sample: c.sample, primary: c.primary && exact });
  }
  if (unit) draft.unit = unit;
  if (type === "money" && draft.sample === undefined) draft.sample = 25;
  return draft;
}
