// Where the prompt names kinds of record: catalog nouns ("loans", "suppliers"), nouns the grammar
// makes records ("track my bird sightings", "plants (name, species)", "song library"), and the
// record a link verb implies ("members borrow books" → loans).
import pluralize from "pluralize";
import { asideFillers, asideVerbs, collectiveWords, containerWords, entityConcepts, markingVerbs, nonEntityWords, subjectCompounds, type EntityConcept } from "../catalog/entities";
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
  const name = pascal(singular.split("-"));
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

/** Tokens inside a subject compound ("yard sale", "book club"): what the app is for, no record. */
export function subjectCompoundTokens(tokens: Token[]): Set<number> {
  const inside = new Set<number>();
  for (const compound of subjectCompounds) for (const match of findPattern(tokens, compound)) for (let i = match.from; i < match.to; i++) inside.add(i);
  return inside;
}

/** Is the collective word at `at` ("inventory") followed by the records it holds ("…, items with price")? */
function holdsNamedRecords(tokens: Token[], at: number): boolean {
  let next = at + 1;
  if ([",", ":", "-", "—", "of"].includes(tokens[next]?.word ?? "")) next++;
  const noun = tokens[next];
  return !!noun && noun.isWord && noun.word !== noun.lemma && (isNoun(noun) || noun.tags.has("Plural")) && ["with", ":", "(", "-", "—", "that", "which"].includes(tokens[next + 1]?.word ?? "");
}

/** Catalog entity words in the prompt, longest first, outside the claimed tokens. */
export function findCatalogMentions(reading: Reading, claimed: Set<number>): EntityMention[] {
  const { tokens } = reading;
  const mentions: EntityMention[] = [];
  const taken = subjectCompoundTokens(tokens);
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
    // "yard sale inventory, items with price": the inventory holds the items named next.
    if (single && collectiveWords.includes(tokens[from]!.lemma) && holdsNamedRecords(tokens, from)) continue;
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
  for (const i of subjectCompoundTokens(tokens)) covered.add(i);
  // A field word can name records when its own list of fields follows ("items with price and sold yes/no").
  const accept = (at: number, isNounForSure = false, fieldWordsToo = false) => {
    const token = tokens[at];
    if (!token || covered.has(at) || claimed.has(at) || !(isNoun(token) || isNounForSure) || ((nonEntities.has(token.lemma) || containers.has(token.lemma)) && !(fieldWordsToo && token.lemma === "thing")) || (fieldWords.has(token.lemma) && !fieldWordsToo)) return;
    const mention = mentionFromNoun(token, at, at + 1);
    if (mention) {
      found.push(mention);
      covered.add(at);
    }
  };
  // "track fuel fill ups: date, litres, price paid": the words before a colon that opens a list
  // of fields name the records, a compound of up to three words ("fuel fill ups").
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.text !== ":" || !listOfFieldsAt(tokens, i + 1)) continue;
    const compound = compoundBefore(tokens, i, covered, claimed);
    if (!compound) continue;
    found.push(compound);
    for (let k = compound.from; k < compound.to; k++) covered.add(k);
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Object of a keeping verb: "track my plants", "keep track of my clients"; opening the prompt
    // it is the verb even where the tagger read a noun ("log fill-ups with date…").
    if (keepingVerbs.has(token.lemma) && (token.tags.has("Verb") || i === 0)) {
      let j = i + 1;
      if (tokens[j]?.word === "track" && tokens[j + 1]?.word === "of") j += 2;
      while (tokens[j] && /^(my|our|the|all|each|every|of|a|an|their)$/.test(tokens[j]!.word)) j++;
      // The head of a compound: the last noun before a non-noun ("bird sightings").
      let head = j;
      while (isNoun(tokens[head + 1]) && !containers.has(tokens[head + 1]!.lemma)) head++;
      if (head > j && containers.has(tokens[head]!.lemma)) head = j;
      // A plural form is the noun whatever the tagger guessed ("fill-ups").
      const pluralForm = !!tokens[head] && tokens[head]!.isWord && tokens[head]!.word !== tokens[head]!.lemma && tokens[head]!.word.endsWith("s");
      accept(head, pluralForm);
    }
    // The noun before a container word: "vinyl collection", "song library".
    if (!knowsRecords && containers.has(token.lemma) && i > 0 && isNoun(tokens[i - 1]) && tokens[i - 1]!.lemma !== token.lemma) accept(i - 1);
    // A plural noun followed by its fields: "films with a rating out of 10", "tickets with a priority".
    // At a sentence's start the tagger may read "tickets with" as a verb; a plural there is the noun.
    const startsSentence = i === 0 || /^[.!?;:]$/.test(tokens[i - 1]!.text);
    const plural = token.tags.has("Plural") || (startsSentence && token.word !== token.lemma && token.word.endsWith("s"));
    // A clause that adds nothing may stand between them: "restaurants we've tried - name, cuisine".
    const aside = token.isWord ? asideClauseEnd(tokens, i + 1, tokens.length) : undefined;
    const next = aside ?? i + 1;
    if (plural && ["with", ":", "-", "—"].includes(tokens[next]?.word ?? "") && tokens.slice(next + 1, next + 5).some((t) => fieldWords.has(t.lemma))) {
      // Nouns before it make one name: "board games with…", "car services with…".
      const compound = compoundBefore(tokens, i + 1, covered, claimed, { nounsOnly: true, fieldHead: true });
      if (compound && compound.to - compound.from > 1) {
        found.push(compound);
        for (let k = compound.from; k < compound.to; k++) covered.add(k);
      } else accept(i, true, true);
    }
    if (aside !== undefined && (plural || isNoun(token)) && tokens[aside]?.text === "(" && parenthesisedFields(tokens, aside)) accept(i, true);
    // A noun with its own list of fields: "plants (name, species)", "dogs (name, owner)".
    if (token.text === "(" && i > 0 && parenthesisedFields(tokens, i)) accept(i - 1);
  }
  return found;
}

/** Do at least two of the next words name fields ("date, litres, price paid, odometer")? */
function listOfFieldsAt(tokens: Token[], from: number): boolean {
  let fields = 0;
  for (let i = from; i < Math.min(tokens.length, from + 12) && !/^[.!?;]$/.test(tokens[i]!.text); i++) if (fieldWords.has(tokens[i]!.lemma)) fields++;
  return fields >= 2;
}

/** Words that end a compound going left: keeping verbs, determiners, pronouns, punctuation. */
const compoundStops = new Set(["my", "our", "the", "a", "an", "all", "each", "every", "of", "for", "to", "and", "or", "with", "your", "their", "his", "her", "i", "we", "me", "us"]);

/**
 * The record named by up to three words ending at `end` (exclusive): "fuel fill ups", "bird
 * sightings". Not a container ("Car maintenance log:" is read by the catalog), nor words taken.
 */
function compoundBefore(tokens: Token[], end: number, covered: Set<number>, claimed: Set<number>, options: { nounsOnly?: boolean; fieldHead?: boolean } = {}): EntityMention | undefined {
  const head = tokens[end - 1];
  if (!head || !head.isWord || covered.has(end - 1) || claimed.has(end - 1) || containers.has(head.lemma) || nonEntities.has(head.lemma) || (fieldWords.has(head.lemma) && !options.fieldHead)) return undefined;
  // The head is a noun, or a plural the tagger did not know ("ups").
  if (!isNoun(head) && !(head.word !== head.lemma && head.word.endsWith("s"))) return undefined;
  let from = end - 1;
  while (from > 0 && end - from < 3) {
    const t = tokens[from - 1]!;
    if (!t.isWord || covered.has(from - 1) || claimed.has(from - 1) || compoundStops.has(t.word) || keepingVerbs.has(t.lemma) || containers.has(t.lemma) || t.tags.has("Pronoun") || t.tags.has("Adverb")) break;
    // Only nouns that are no records, fields or possessives of their own ("board games", not "my kids' chores").
    if (options.nounsOnly && (!isNoun(t) || t.word !== t.lemma || /'s?$/.test(t.text) || fieldWords.has(t.lemma) || nonEntities.has(t.lemma) || t.tags.has("ProperNoun"))) break;
    from--;
  }
  const words = tokens.slice(from, end);
  if (words.length === 1) return mentionFromNoun(head, from, end);
  const name = pascal(words.map((w) => w.lemma));
  const text = [...words.slice(0, -1).map((w) => w.word), head.word !== head.lemma ? head.word : pluralize.plural(head.word)].join(" ");
  return name.length >= 2 ? { entity: name, plural: text[0]!.toUpperCase() + text.slice(1), from, to: end } : undefined;
}

const subjectPronouns = new Set(["i", "we", "you", "they", "i've", "we've", "you've", "they've", "i'd", "we'd"]);
const asideEnds = new Set(["(", ":", "-", "—", ",", ".", ";", "!", "?", "with", "and", "including"]);

/** Where a relative clause with no meaning of its own ends ("we read", "that I've already tried"), or undefined. */
export function asideClauseEnd(tokens: Token[], at: number, end: number): number | undefined {
  let k = at;
  if (["that", "which"].includes(tokens[k]?.word ?? "")) k++;
  if (!subjectPronouns.has(tokens[k]?.word ?? "")) return undefined;
  k++;
  for (let n = 0; n < 3 && tokens[k] && asideFillers.includes(tokens[k]!.word); n++) k++;
  const verb = tokens[k];
  if (!verb || !(asideVerbs.includes(verb.word) || asideVerbs.includes(verb.lemma))) return undefined;
  k++;
  for (let n = 0; n < 3 && k < end && tokens[k] && asideFillers.includes(tokens[k]!.word); n++) k++;
  return k >= end || asideEnds.has(tokens[k]?.word ?? "") ? k : undefined;
}

