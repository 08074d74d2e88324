// Where the prompt names kinds of record: catalog nouns ("loans", "suppliers"), nouns the grammar
// makes records ("track my bird sightings", "plants (name, species)", "song library"), and the
// record a link verb implies ("members borrow books" → loans).
import pluralize from "pluralize";
import { containerWords, entityConcepts, markingVerbs, nonEntityWords, type EntityConcept } from "../catalog/entities";
import { determiners } from "./words";
import { fieldConcepts } from "../catalog/fields";
import { closingOptions } from "../catalog/measures";
import { findPattern } from "./match-pattern";
import { isNoun, type Reading } from "./reading";
import { readParenthesised } from "./lists";
import { lemmaOf, type Token } from "./tokens";

export type EntityMention = { entity: string; plural: string; from: number; to: number; concept?: EntityConcept };

const pascal = (words: string[]): string =>
  words.map((w) => w.replace(/[^a-z0-9]/gi, "")).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join("").replace(/^[^A-Za-z]+/, "").slice(0, 40);

const titleCase = (text: string): string => text.replace(/\b[a-z]/g, (c) => c.toUpperCase());

const containers = new Set(containerWords);
const nonEntities = new Set(nonEntityWords);
const fieldWords = new Set(fieldConcepts.flatMap((f) => f.words).filter((w) => !w.includes(" ")));
/** Verbs whose object is a kind of record the user keeps. */
const keepingVerbs = new Set(["track", "log", "record", "manage", "save", "store", "keep", "add", "enter", "list", "organise", "organize", "catalog", "catalogue", "collect", "write", "remember", "note"]);

/** Do the parentheses at `open` hold fields (name, phone) rather than options (vegan, none)? */
export function parenthesisedFields(tokens: Token[], open: number): boolean {
  const group = readParenthesised(tokens, open);
  if (!group || group.options.length < 2) return false;
  const fieldy = group.options.filter((o) => fieldWords.has(lemmaOf(o.toLowerCase().split(" ").at(-1) ?? "")) || fieldWords.has(o.toLowerCase()));
  return fieldy.length * 2 > group.options.length;
}

export function mentionFromConcept(concept: EntityConcept, from: number, to: number): EntityMention {
  return { entity: concept.name, plural: concept.plural, from, to, concept };
}

export function mentionFromNoun(token: Token, from: number, to: number): EntityMention | undefined {
  const singular = token.lemma;
  const name = pascal([singular]);
  if (!name || name.length < 2) return undefined;
  return { entity: name, plural: titleCase(pluralize.plural(singular)), from, to };
}

// Single words that are only a record when used as a noun ("mark" the verb is not a Mark).
// A plural form ("deals", "tasks") is a noun even where the tagger guessed a verb, unless a
// subject pronoun comes first ("she tracks").
const verbUsers = new Set(["me", "to", "i", "we", "can", "please", "you", "she", "he", "they", "it", "lets"]);
function needsNounTag(tokens: Token[], at: number): boolean {
  const token = tokens[at]!;
  const previous = tokens[at - 1];
  if (previous && verbUsers.has(previous.word)) return false;
  const atStart = !previous || /^[.!?;:]$/.test(previous.text);
  // "Mark invoices as paid": a bare word opening a sentence before a noun (or a plural the
  // tagger read as a verb) is the verb of an instruction.
  const next = tokens[at + 1];
  if (atStart && token.word === token.lemma && (isNoun(next) || (!!next?.isWord && next.word !== next.lemma && next.word.endsWith("s")))) return false;
  return isNoun(token) || token.tags.has("Plural") || (token.word !== token.lemma && token.word.endsWith("s"));
}

/** Catalog entity words in the prompt, longest first, outside the claimed tokens. */
export function findCatalogMentions(reading: Reading, claimed: Set<number>): EntityMention[] {
  const { tokens } = reading;
  const mentions: EntityMention[] = [];
  const taken = new Set<number>();
  const candidates: { concept: EntityConcept; from: number; to: number }[] = [];
  for (const concept of entityConcepts) {
    for (const words of concept.words) {
      for (const match of findPattern(tokens, words)) candidates.push({ concept, ...match });
    }
  }
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  for (const { concept, from, to } of candidates) {
    let overlaps = false;
    for (let i = from; i < to; i++) if (taken.has(i) || claimed.has(i)) overlaps = true;
    if (overlaps) continue;
    const single = to - from === 1;
    if (single && !needsNounTag(tokens, from)) continue;
    // "birthday party", "wedding cake": the word describes an event or thing, not a record kept.
    if (single && ["party", "cake", "card", "celebration", "dinner", "event", "present", "gift"].includes(tokens[to]?.lemma ?? "")) continue;
    // "plant journal", "portfolio site": a catalog word that only names what kind of app this is.
    if (single && ["journal", "diary", "log"].includes(tokens[from]!.lemma) && from > 0 && isNoun(tokens[from - 1]) && !["mood", "food", "dream", "gratitude", "daily"].includes(tokens[from - 1]!.lemma) && tokens[from - 1]!.lemma !== "a") continue;
    if (single && tokens[from]!.lemma === "portfolio" && ["site", "website", "page", "web"].includes(tokens[to]?.lemma ?? "")) continue;
    // "a table of top selling products", "a table by month": a view of other records, not tables kept.
    if (single && tokens[from]!.lemma === "table" && ["of", "by", "per", "showing", "with"].includes(tokens[to]?.word ?? "")) continue;
    // "…, mark invoices paid", "and tick each chore": at a clause's start, before what it marks, the word is a verb.
    const clauseStart = from === 0 || /^[.,;:!?]$/.test(tokens[from - 1]!.text) || ["and", "then", "to", "can", "i", "we", "me", "also", "or"].includes(tokens[from - 1]!.word);
    if (single && clauseStart && markingVerbs.includes(tokens[from]!.word) && (isNoun(tokens[to]) || determiners.has(tokens[to]?.word ?? "") || ["it", "them", "as", "off", ...closingOptions].includes(tokens[to]?.word ?? "") || /[a-z]s$/.test(tokens[to]?.word ?? ""))) continue;
    // "in order", "to book": a preposition before a single word makes it something else.
    if (single && ["in", "to"].includes(tokens[from - 1]?.word ?? "")) continue;
    const next = tokens[to];
    // "reading list" style compounds are in the catalog; a catalog noun used as a modifier of a
    // field ("client name", "rent amount") is a field, not a record.
    // A possessive owns what follows ("each student's mark" is a student's record, not a field).
    // "friends birthdays", "clients addresses": a plural before a field is a possessive said without its apostrophe.
    const possessive = /'s$|s'$/.test(tokens[to - 1]!.text) || (tokens[to - 1]!.tags.has("Plural") && tokens[to - 1]!.word !== tokens[to - 1]!.lemma && !!next && next.tags.has("Plural"));
    if (single && next && !possessive && fieldWords.has(next.lemma) && !containers.has(next.lemma) && isNoun(next) && tokens[to + 1]?.text !== "(") continue;
    for (let i = from; i < to; i++) taken.add(i);
    mentions.push(mentionFromConcept(concept, from, to));
  }
  return mentions.sort((a, b) => a.from - b.from);
}

/**
 * Nouns the grammar makes records even though no catalog knows them: the object of a keeping
 * verb ("track my bird sightings"), the noun before a container ("vinyl record collection"), or
 * a noun with its own field list ("plants (name, species)").
 */
export function findStructuralMentions(reading: Reading, claimed: Set<number>, known: EntityMention[]): EntityMention[] {
  const knowsRecords = known.length > 0;
  const { tokens } = reading;
  const covered = new Set<number>();
  for (const m of known) for (let i = m.from; i < m.to; i++) covered.add(i);
  const found: EntityMention[] = [];
  const accept = (at: number, isNounForSure = false) => {
    const token = tokens[at];
    if (!token || covered.has(at) || claimed.has(at) || !(isNoun(token) || isNounForSure) || nonEntities.has(token.lemma) || containers.has(token.lemma) || fieldWords.has(token.lemma)) return;
    const mention = mentionFromNoun(token, at, at + 1);
    if (mention) {
      found.push(mention);
      covered.add(at);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Object of a keeping verb: "track my plants", "keep track of my clients".
    if (keepingVerbs.has(token.lemma) && token.tags.has("Verb")) {
      let j = i + 1;
      if (tokens[j]?.word === "track" && tokens[j + 1]?.word === "of") j += 2;
      while (tokens[j] && /^(my|our|the|all|each|every|of|a|an|their)$/.test(tokens[j]!.word)) j++;
      // The head of a compound: the last noun before a non-noun ("bird sightings").
      let head = j;
      while (isNoun(tokens[head + 1]) && !containers.has(tokens[head + 1]!.lemma)) head++;
      if (head > j && containers.has(tokens[head]!.lemma)) head = j;
      accept(head);
    }
    // The noun before a container word: "vinyl collection", "song library".
    if (!knowsRecords && containers.has(token.lemma) && i > 0 && isNoun(tokens[i - 1]) && tokens[i - 1]!.lemma !== token.lemma) accept(i - 1);
    // A plural noun followed by its fields: "films with a rating out of 10", "tickets with a priority".
    // At a sentence's start the tagger may read "tickets with" as a verb; a plural there is the noun.
    const startsSentence = i === 0 || /^[.!?;:]$/.test(tokens[i - 1]!.text);
    const plural = token.tags.has("Plural") || (startsSentence && token.word !== token.lemma && token.word.endsWith("s"));
    if (plural && ["with", ":", "-", "—"].includes(tokens[i + 1]?.word ?? "") && tokens.slice(i + 2, i + 6).some((t) => fieldWords.has(t.lemma))) accept(i, true);
    // A noun with its own list of fields: "plants (name, species)", "dogs (name, owner)".
    if (token.text === "(" && i > 0 && parenthesisedFields(tokens, i)) accept(i - 1);
  }
  return found;
}
