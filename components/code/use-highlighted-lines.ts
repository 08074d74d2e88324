"use client";

import { useEffect, useState } from "react";
import { highlightCode, MAX_HIGHLIGHT_CHARS, type HighlightedLines } from "./highlighter";
import type { LanguageId } from "./languages";

type Result = { code: string; language: LanguageId; lines: HighlightedLines };

/**
 * The code's tokens once the highlighter has produced them; null until then (and for plain-text
 * or oversized files), so callers render the plain text first and swap tokens in, line for line.
 */
export function useHighlightedLines(code: string | null, language: LanguageId | null): HighlightedLines | null {
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (code === null || code === "" || language === null || code.length > MAX_HIGHLIGHT_CHARS) return;
    let isCurrent = true;
    highlightCode(code, language).then(
      (lines) => {
        if (isCurrent) setResult({ code, language, lines });
      },
      // Highlighting is decoration: when Shiki cannot load, the plain text stays.
      () => {},
    );
    return () => {
      isCurrent = false;
    };
  }, [code, language]);

  // Tokens of a previous file must never be painted over the current one's text.
  return result && result.code === code && result.language === language ? result.lines : null;
}
