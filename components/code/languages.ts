// The languages generated apps are written in. Each grammar is its own chunk, fetched the first
// time a file of that language is shown, so none of them weigh on the page's first load.
import type { LanguageRegistration } from "shiki/core";

type GrammarLoader = () => Promise<{ default: LanguageRegistration[] }>;

const grammars = {
  tsx: () => import("shiki/langs/tsx.mjs"),
  typescript: () => import("shiki/langs/typescript.mjs"),
  jsx: () => import("shiki/langs/jsx.mjs"),
  javascript: () => import("shiki/langs/javascript.mjs"),
  json: () => import("shiki/langs/json.mjs"),
  jsonc: () => import("shiki/langs/jsonc.mjs"),
  css: () => import("shiki/langs/css.mjs"),
  html: () => import("shiki/langs/html.mjs"),
  markdown: () => import("shiki/langs/markdown.mjs"),
  sql: () => import("shiki/langs/sql.mjs"),
  prisma: () => import("shiki/langs/prisma.mjs"),
  yaml: () => import("shiki/langs/yaml.mjs"),
  dockerfile: () => import("shiki/langs/dockerfile.mjs"),
  shellscript: () => import("shiki/langs/shellscript.mjs"),
} satisfies Record<string, GrammarLoader>;

export type LanguageId = keyof typeof grammars;

const byExtension: Record<string, LanguageId> = {
  tsx: "tsx",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  jsx: "jsx",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  json: "json",
  jsonc: "jsonc",
  css: "css",
  html: "html",
  htm: "html",
  md: "markdown",
  markdown: "markdown",
  sql: "sql",
  prisma: "prisma",
  yml: "yaml",
  yaml: "yaml",
  dockerfile: "dockerfile",
  sh: "shellscript",
  bash: "shellscript",
  zsh: "shellscript",
};

/** The grammar for a file, from its name; null for anything shown as plain text. */
export function languageForPath(path: string): LanguageId | null {
  const name = (path.split("/").pop() ?? path).toLowerCase();
  if (name === "dockerfile" || name === "containerfile" || name.startsWith("dockerfile.")) return "dockerfile";
  // .env files are shell-style assignments; the shell grammar colours them sensibly.
  if (name === ".env" || name.startsWith(".env.")) return "shellscript";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? (byExtension[name.slice(dot + 1)] ?? null) : null;
}

export function loadGrammar(language: LanguageId) {
  return grammars[language]();
}
