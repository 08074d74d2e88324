// Fixes misspelt words against the catalogs' vocabulary: edit distance 1 for words of 4–5
// letters, 2 for longer ones, and only when the word is not an English word (compromise's lexicon
// or a 275,000-word English list), so "want" never becomes "wait" nor "tickets" "ticker".
// The token keeps its original text for quotes.
import englishWordList from "an-array-of-english-words";
import nlp from "compromise";
import { catalogVocabulary } from "../catalog/vocabulary";
import { respell, type Token } from "./tokens";

/** Damerau–Levenshtein distance (adjacent swaps count once), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

let lexicon: Record<string, unknown> | undefined;
let dictionary: Set<string> | undefined;
function knownEnglish(word: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  dictionary ??= new Set(englishWordList as string[]);
  return word in lexicon || dictionary.has(word);
}

// Everyday words compromise's lexicon leaves out but that are spelt right.
const alsoCorrect = new Set(["havent", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "im", "ive", "id", "youre", "theyre", "thats", "whats", "lets", "todo", "todos", "app", "apps", "crm", "sku", "emoji", "etsy", "rsvp", "kanban", "pomodoro", "pomodoros", "bmi", "setlist", "guestbook", "signup", "login"]);

const memo = new Map<string, string | undefined>();
let byLength: Map<number, string[]> | undefined;
let bucketsOf: Set<string> | undefined;

export function correctionFor(word: string, vocabulary: Set<string>): string | undefined {
  if (memo.has(word)) return memo.get(word);
  const fixed = findCorrection(word, vocabulary);
  if (memo.size < 5_000) memo.set(word, fixed);
  return fixed;
}

function findCorrection(word: string, vocabulary: Set<string>): string | undefined {
  if (bucketsOf !== vocabulary) {
    // Words grouped by length: only lengths within the edit limit are compared.
    byLength = new Map();
    for (const w of vocabulary) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
    bucketsOf = vocabulary;
  }
  if (word.length < 4 || !/^[a-z]+$/.test(word) || vocabulary.has(word) || alsoCorrect.has(word)) return undefined;
  const singular = word.endsWith("s") ? word.slice(0, -1) : word;
  if (vocabulary.has(singular) || knownEnglish(word) || knownEnglish(singular)) return undefined;
  const limit = word.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  const candidates = [...Array(2 * limit + 1).keys()].flatMap((k) => byLength!.get(word.length - limit + k) ?? []);
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, limit);
    // Same first letter breaks ties: people rarely mistype the first letter.
    if (distance < bestDistance || (distance === bestDistance && best && candidate[0] === word[0] && best[0] !== word[0])) {
      tie = distance === bestDistance && best !== undefined && best[0] === candidate[0];
      best = candidate;
      bestDistance = distance;
    } else if (distance === bestDistance && best && candidate[0] === best[0] && candidate !== best) {
      tie = true;
    }
  }
  return best && bestDistance <= limit && !tie ? best : undefined;
}

/** Corrects the tokens in place; returns the corrections made (original → fixed). */
export function correctSpelling(tokens: Token[]): { from: string; to: string }[] {
  const vocabulary = catalogVocabulary();
  const fixes: { from: string; to: string }[] = [];
  for (const token of tokens) {
    if (!token.isWord) continue;
    const fixed = correctionFor(token.word, vocabulary);
    if (fixed) {
      fixes.push({ from: token.text, to: fixed });
      respell(token, fixed);
    }
  }
  return fixes;
}
