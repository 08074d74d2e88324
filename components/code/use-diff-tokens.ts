"use client";

import { useMemo } from "react";
import type { DiffLine } from "./diff-rows";
import type { Token } from "./highlighter";
import type { LanguageId } from "./languages";
import { useHighlightedLines } from "./use-highlighted-lines";

export type TokensFor = (line: DiffLine) => Token[] | undefined;

/**
 * Highlights the old side (unchanged + removed lines) and the new side (unchanged + added) each
 * as one block, so multi-line constructs mostly colour right; unchanged lines take the new side's.
 */
export function useDiffTokens(lines: readonly DiffLine[], language: LanguageId | null): TokensFor {
  const oldSide = useMemo(() => lines.filter((line) => line.oldLine !== null), [lines]);
  const newSide = useMemo(() => lines.filter((line) => line.newLine !== null), [lines]);
  const oldTokens = useHighlightedLines(useMemo(() => oldSide.map((line) => line.text).join("\n"), [oldSide]), language);
  const newTokens = useHighlightedLines(useMemo(() => newSide.map((line) => line.text).join("\n"), [newSide]), language);

  return useMemo(() => {
    const byNewLine = new Map<number, Token[]>();
    const byOldLine = new Map<number, Token[]>();
    if (newTokens) newSide.forEach((line, index) => newTokens[index] && byNewLine.set(line.newLine!, newTokens[index]));
    if (oldTokens) oldSide.forEach((line, index) => oldTokens[index] && byOldLine.set(line.oldLine!, oldTokens[index]));
    return (line) => (line.newLine !== null ? byNewLine.get(line.newLine) : byOldLine.get(line.oldLine!));
  }, [oldSide, newSide, oldTokens, newTokens]);
}
