// Syntax highlighting with Shiki's fine-grained core and its JavaScript regex engine (no Wasm).
// Everything Shiki is imported dynamically: this module may be imported by any component
// without putting the highlighter in that page's first-load JavaScript.
import type { CSSProperties } from "react";
import type { HighlighterCore } from "shiki/core";
import { loadGrammar, type LanguageId } from "./languages";

export type Token = { content: string; style?: CSSProperties };
/** Tokens per line; line i matches line i of `splitLines` on the same text. */
export type HighlightedLines = Token[][];

// Light and dark colours both ride on every token as CSS variables (`--shiki-light`,
// `--shiki-dark`); code.module.css picks one by the `dark` class on <html>, so switching theme
// needs no re-highlighting.
const themes = { light: "github-light", dark: "github-dark" } as const;

/**
 * Tokenizing runs on the main thread: beyond this much text it would freeze the tab for a second
 * or more, so such files are shown plain.
 */
export const MAX_HIGHLIGHT_CHARS = 100_000;

let highlighter: Promise<HighlighterCore> | undefined;
const grammarsLoading = new Map<LanguageId, Promise<void>>();

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })().catch((error: unknown) => {
    // A failed chunk load (offline, a deploy mid-session) should not stick: let the next file retry.
    highlighter = undefined;
    throw error;
  });
  return highlighter;
}

async function ensureGrammar(shiki: HighlighterCore, language: LanguageId) {
  let loading = grammarsLoading.get(language);
  if (!loading) {
    loading = loadGrammar(language).then(
      (grammar) => shiki.loadLanguage(grammar.default),
      (error: unknown) => {
        grammarsLoading.delete(language);
        throw error;
      },
    );
    grammarsLoading.set(language, loading);
  }
  await loading;
}

/** The text's tokens with light and dark colours, one array per line. */
export async function highlightCode(code: string, language: LanguageId): Promise<HighlightedLines> {
  const shiki = await getHighlighter();
  await ensureGrammar(shiki, language);
  const { tokens } = shiki.codeToTokens(code, {
    lang: language,
    themes,
    defaultColor: false,
    // Minified one-liners are slow to tokenize and unreadable anyway.
    tokenizeMaxLineLength: 2000,
  });
  return tokens.map((line) => line.map((token) => ({ content: token.content, style: token.htmlStyle as CSSProperties | undefined })));
}
