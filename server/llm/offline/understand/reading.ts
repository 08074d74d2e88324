// A prompt read once: tokens with their original offsets, spelling fixed, tagged with parts of
// speech by compromise, split into sentences. Everything downstream asks this object, and quotes
// the prompt through it.
import nlp from "compromise";
import { correctSpelling } from "./spelling";
import { tokenize, type Token } from "./tokens";

export type Sentence = { from: number; to: number };

export type Reading = {
  prompt: string;
  tokens: Token[];
  sentences: Sentence[];
  corrections: { from: string; to: string }[];
};

/** Tags tokens with compromise's parts of speech, run on the corrected words. */
function tagTokens(tokens: Token[]): void {
  let text = "";
  const starts: number[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    // Keep the prompt's own spacing, so "books, reading" stays one phrase to the tagger.
    if (text && !(previous && previous.end === token.start && !token.isWord === !previous.isWord) && !(previous && previous.end === token.start && !token.isWord)) text += " ";
    previous = token;
    starts.push(text.length);
    text += token.isWord ? token.word : token.text;
  }
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { offset: { start: number; length: number }; tags: string[] }[] }[];
  let cursor = 0;
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      const at = term.offset.start;
      while (cursor + 1 < starts.length && starts[cursor + 1]! <= at) cursor++;
      for (const tag of term.tags) tokens[cursor]?.tags.add(tag);
    }
  }
}

/** Sentence ends: . ! ? ; and line breaks; a colon or dash heading a list stays in its sentence. */
function splitSentences(prompt: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const lineBreak = next !== undefined && prompt.slice(token.end, next.start).includes("\n");
    if (/^[.!?;]$/.test(token.text) || lineBreak) {
      if (i + 1 > from) sentences.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < tokens.length) sentences.push({ from, to: tokens.length });
  return sentences;
}

export function readPrompt(prompt: string): Reading {
  const tokens = tokenize(prompt);
  const corrections = correctSpelling(tokens);
  tagTokens(tokens);
  return { prompt, tokens, sentences: splitSentences(prompt, tokens), corrections };
}

/** The prompt's own words from token `from` to token `to` (exclusive), exactly as typed. */
export function quoteOf(reading: Reading, from: number, to: number): string {
  const first = reading.tokens[from];
  const last = reading.tokens[Math.max(from, to - 1)];
  if (!first || !last) return "";
  return reading.prompt.slice(first.start, last.end);
}

export function sentenceOf(reading: Reading, tokenIndex: number): Sentence {
  return reading.sentences.find((s) => tokenIndex >= s.from && tokenIndex < s.to) ?? { from: 0, to: reading.tokens.length };
}

export const isNoun = (token: Token | undefined): boolean => !!token && token.isWord && token.tags.has("Noun") && !token.tags.has("Pronoun");
export const isVerb = (token: Token | undefined): boolean => !!token && token.tags.has("Verb");
export const isAdjective = (token: Token | undefined): boolean => !!token && token.tags.has("Adjective");
