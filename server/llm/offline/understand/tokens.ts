// The prompt as tokens that remember where they came from. Every later step works on tokens and
// quotes the prompt through their offsets, so a requirement's quote is always the user's own
// words (typos included) even when the reader worked on the corrected spelling.
import pluralize from "pluralize";

export type Token = {
  /** As typed. */
  text: string;
  /** Lowercase, spelling fixed ("expences" → "expenses"). */
  word: string;
  /** `word` in the singular ("expenses" → "expense"); punctuation as is. */
  lemma: string;
  /** Offsets in the prompt as typed. */
  start: number;
  end: number;
  isWord: boolean;
  isNumber: boolean;
  /** Part-of-speech tags from compromise ("Noun", "Plural", "Verb", "Adjective", …). */
  tags: Set<string>;
  /** Index in the token array. */
  index: number;
};

// Words (letters with inner apostrophes, hyphens and ampersands), numbers (with decimals, times
// and thousands separators), emoji and single punctuation marks.
const tokenPattern = /[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)*(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*|\d+(?:[.:,]\d+)*(?:st|nd|rd|th)?|\p{Extended_Pictographic}|\S/gu;

// pluralize singularizes some words people use as uncountable or adjectives: keep them.
const keepAsIs = new Set(["news", "series", "species", "this", "is", "was", "has", "does", "us", "bus", "gas", "yes", "plus", "status", "always", "less", "needs", "glasses", "sales", "numbers", "minutes", "hours", "days", "notes", "thanks", "reps", "sets", "steps", "ingredients", "points", "stars", "calories", "miles", "pounds", "kids", "its", "as", "his", "hers", "ours", "yours", "theirs"]);
const lemmaExceptions: Record<string, string> = { glasses: "glass", sales: "sale", reps: "rep", sets: "set", steps: "step", ingredients: "ingredient", points: "point", stars: "star", calories: "calorie", miles: "mile", minutes: "minute", hours: "hour", days: "day", notes: "note", needs: "need", kids: "kid", numbers: "number", pounds: "pound" };

export function lemmaOf(word: string): string {
  if (!/^[a-z]/.test(word) || word.length < 3) return word;
  if (lemmaExceptions[word]) return lemmaExceptions[word];
  if (/^[a-z]+'s$/.test(word) && !["it's", "she's", "he's", "what's", "let's", "that's", "there's", "who's"].includes(word)) return lemmaOf(word.slice(0, -2));
  if (keepAsIs.has(word) || word.endsWith("ss") || word.includes("'")) return word;
  return pluralize.singular(word);
}

export function tokenize(prompt: string): Token[] {
  const tokens: Token[] = [];
  for (const match of prompt.matchAll(tokenPattern)) {
    const text = match[0];
    const start = match.index ?? 0;
    const isWord = /^[A-Za-zÀ-ÖØ-öø-ÿ]/.test(text);
    const word = text.toLowerCase().replace(/’/g, "'");
    tokens.push({ text, word, lemma: isWord ? lemmaOf(word) : word, start, end: start + text.length, isWord, isNumber: /^\d/.test(text), tags: new Set(), index: tokens.length });
  }
  return tokens;
}

/** Replaces a token's reading (after a spelling fix) without touching where it came from. */
export function respell(token: Token, word: string): void {
  token.word = word;
  token.lemma = lemmaOf(word);
}
