// Enumerations in a prompt: "name, company, email and source", "(vegetarian, vegan, gluten free,
// none)", "yes/no/maybe", "columns Backlog, Doing, Review, Done", "high medium low". A list is a
// run of items separated by commas, "and", "or" or slashes; parentheses inside an item stay with
// it ("a stage (new, proposal, won, lost)").
import { fieldConcepts } from "../catalog/fields";
import type { Token } from "./tokens";

const fieldWords = new Set(fieldConcepts.flatMap((f) => f.words));
import { clauseStarters } from "./words";

export type Span = { from: number; to: number };
export type ListItem = Span & { options?: OptionGroup };
export type OptionGroup = Span & { options: string[] };

/** Verbs that introduce a field in a list ("pick a service", "leave their name"). */
const fieldGivingVerbs = new Set(["pick", "choose", "select", "leave", "enter", "give", "type", "set", "include"]);
const separators = new Set([",", "and", "or", "/", "&", "plus"]);
const hardStops = new Set([".", ";", "!", "?", ")", ":"]);

/** Cleans an option's words: "to the gym" → "gym", keeps the user's capitals otherwise. */
export function optionText(tokens: Token[], span: Span): string {
  const words = tokens.slice(span.from, span.to).filter((t) => t.isWord || t.isNumber || t.text === "'" || /\p{Extended_Pictographic}/u.test(t.text));
  // "to the gym" → "gym", but "To Do" is a name: capitalised words stay.
  while (words.length > 1 && ["to", "the", "a", "an", "at", "i", "go"].includes(words[0]!.word) && !/^[A-Z]/.test(words[0]!.text)) words.shift();
  let text = "";
  for (let i = 0; i < words.length; i++) {
    const token = words[i]!;
    const previous = words[i - 1];
    text += previous && previous.end === token.start ? token.text : (text ? " " : "") + token.text;
  }
  return text;
}

/** "(a, b, c)" starting at the "(" token: the options inside, or undefined if it is not a flat list. */
export function readParenthesised(tokens: Token[], open: number): OptionGroup | undefined {
  if (tokens[open]?.text !== "(") return undefined;
  const close = tokens.findIndex((t, i) => i > open && t.text === ")");
  if (close < 0 || close - open > 40) return undefined;
  const items: Span[] = [];
  let from = open + 1;
  for (let i = open + 1; i <= close; i++) {
    const t = tokens[i]!;
    if (i === close || t.text === "," || t.text === "/" || (["and", "or"].includes(t.word) && i > from)) {
      if (i > from) items.push({ from, to: i });
      from = i + 1;
    }
  }
  const options = items.map((span) => optionText(tokens, span)).filter(Boolean);
  return { from: open, to: close + 1, options };
}

/** "yes/no/maybe": words joined by slashes with no spaces, from token `at`. */
export function readSlashGroup(tokens: Token[], at: number): OptionGroup | undefined {
  const options = [tokens[at]];
  let i = at;
  while (tokens[i + 1]?.text === "/" && tokens[i + 2] && (tokens[i + 2]!.isWord || tokens[i + 2]!.isNumber)) {
    options.push(tokens[i + 2]);
    i += 2;
  }
  if (options.length < 2 || !options[0]?.isWord) return undefined;
  return { from: at, to: i + 1, options: options.map((t) => t!.text) };
}

/**
 * The list that starts at token `from`: its items until a sentence end, a clause starter after a
 * separator ("…, and each product comes from…"), or `limit` tokens. `inParens` lists end at ")".
 */
export function readList(tokens: Token[], from: number, limit = 60): { items: ListItem[]; end: number } {
  const items: ListItem[] = [];
  let start = from;
  let i = from;
  const stopAt = Math.min(tokens.length, from + limit);
  const close = (to: number) => {
    if (to > start) {
      const span: ListItem = { from: start, to };
      const paren = tokens.slice(start, to).findIndex((t) => t.text === "(");
      if (paren >= 0) {
        const group = readParenthesised(tokens, start + paren);
        if (group) Object.assign(span, { to: start + paren, options: group });
      }
      const slash = tokens.slice(start, to).findIndex((t, k) => tokens[start + k + 1]?.text === "/");
      if (!span.options && slash >= 0) {
        const group = readSlashGroup(tokens, start + slash);
        if (group) span.options = group;
      }
      items.push(span);
    }
  };
  while (i < stopAt) {
    const t = tokens[i]!;
    if (t.text === "(") {
      const group = readParenthesised(tokens, i);
      i = group ? group.to : i + 1;
      continue;
    }
    if (t.text === "/" && tokens[i - 1]?.end === t.start) {
      i += 1;
      continue;
    }
    const numberRange = t.text === "-" && tokens[i - 1]?.isNumber && tokens[i + 1]?.isNumber;
    if (hardStops.has(t.text) || (t.text === "-" && i > start + 1 && !numberRange) || t.text === "—") break;
    // "aisles so we can shop faster": a purpose clause ends the list, it names no field.
    if (t.word === "so" && i > start && (tokens[i + 1]?.word === "that" || tokens[i + 1]?.tags.has("Pronoun"))) break;
    const orNot = t.word === "or" && tokens[i + 1]?.word === "not";
    if (separators.has(t.word) && !orNot && !(t.text === "&" && tokens[i + 1]?.tags.has("ProperNoun"))) {
      close(i);
      // ", and" and ", or" are one separator.
      while (tokens[i + 1] && separators.has(tokens[i + 1]!.word)) i++;
      start = i + 1;
      const next = tokens[start];
      // A capitalised word inside a list is a name ("Backlog, Doing, Review, Done"), not a new clause.
      // A word alone between separators ("date, reason, cost") is an item whatever the tagger guessed: a verb starting a clause has words after it.
      const alone = !tokens[start + 1] || start + 1 >= stopAt || separators.has(tokens[start + 1]!.word) || hardStops.has(tokens[start + 1]!.text);
      const isActionVerb = next && !alone && !/^[A-Z]/.test(next.text) && next.tags.has("Verb") && (next.tags.has("Infinitive") || next.tags.has("Imperative")) && !fieldGivingVerbs.has(next.word) && !next.tags.has("Noun") && !fieldWords.has(next.lemma);
      if (!next || isActionVerb || clauseStarters.has(next.word) || ["with", "including"].includes(next.word) || (next.tags.has("Pronoun") && tokens[start + 1]?.tags.has("Verb"))) return { items, end: start };
      i = start;
      continue;
    }
    i++;
  }
  close(i);
  return { items, end: i };
}
