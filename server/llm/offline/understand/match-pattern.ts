// A tiny pattern language for the catalogs' trigger phrases, matched against token lemmas:
//   "due date"            two words in a row
//   "live|current price"  alternatives for one word
//   "pie? chart"          an optional word
//   "email … reminder"    a gap of up to four words
// Catalog entries stay readable data; the reader stays free of hand-written regexes.
import type { Token } from "./tokens";

type Part = { alternatives: string[]; optional: boolean } | { gap: number };

const compiled = new Map<string, Part[]>();

function compile(pattern: string): Part[] {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const parts: Part[] = pattern
    .trim()
    .split(/\s+/)
    .map((piece) => {
      if (piece === "…" || piece === "...") return { gap: 4 };
      const optional = piece.endsWith("?") && piece.length > 1;
      const body = optional ? piece.slice(0, -1) : piece;
      return { alternatives: body.split("|").map((a) => a.toLowerCase()), optional };
    });
  compiled.set(pattern, parts);
  return parts;
}

const tokenFits = (token: Token, alternatives: string[]): boolean =>
  alternatives.some((a) => a === token.lemma || a === token.word || (a === "#" && token.isNumber));

/** Index just past the match of `parts` from token `at`, or -1. Sentence ends never match a gap. */
function matchFrom(tokens: Token[], parts: Part[], at: number, partIndex: number): number {
  if (partIndex === parts.length) return at;
  const part = parts[partIndex]!;
  if ("gap" in part) {
    for (let skip = 0; skip <= part.gap && at + skip <= tokens.length; skip++) {
      if (skip > 0 && /^[.!?;]$/.test(tokens[at + skip - 1]?.text ?? "")) break;
      const end = matchFrom(tokens, parts, at + skip, partIndex + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[at];
  if (token && tokenFits(token, part.alternatives)) {
    const end = matchFrom(tokens, parts, at + 1, partIndex + 1);
    if (end >= 0) return end;
  }
  return part.optional ? matchFrom(tokens, parts, at, partIndex + 1) : -1;
}

export type PatternMatch = { from: number; to: number };

/** Every non-overlapping match of the pattern in the tokens, left to right (to is exclusive). */
export function findPattern(tokens: Token[], pattern: string, from = 0, to = tokens.length): PatternMatch[] {
  const parts = compile(pattern);
  const slice = tokens.slice(0, to);
  const matches: PatternMatch[] = [];
  for (let at = from; at < to; at++) {
    const end = matchFrom(slice, parts, at, 0);
    if (end > at) {
      matches.push({ from: at, to: end });
      at = end - 1;
    }
  }
  return matches;
}

/** The first match of any of the patterns, preferring the longest at the earliest position. */
export function findAny(tokens: Token[], patterns: string[], from = 0, to = tokens.length): (PatternMatch & { pattern: string }) | undefined {
  let best: (PatternMatch & { pattern: string }) | undefined;
  for (const pattern of patterns) {
    const [match] = findPattern(tokens, pattern, from, to);
    if (!match) continue;
    if (!best || match.from < best.from || (match.from === best.from && match.to > best.to)) best = { ...match, pattern };
  }
  return best;
}

/** Words of a pattern (for the spelling vocabulary). */
export const patternWords = (pattern: string): string[] =>
  pattern.split(/[\s|]+/).map((w) => w.replace(/\?$/, "")).filter((w) => /^[a-z]{2,}$/.test(w));
