// Types for the browser runtime modules the content checks import. The checks must know exactly
// what the app will ask (round 1 of a quiz, the tools' labels), so they use the runtime's own
// data and question builders instead of a copy that could drift; this project's TypeScript does
// not read JavaScript (allowJs is off), hence these declarations of what they export.

declare module "~/server/llm/offline/runtime/src/content/questions.js" {
  export type QuizItem = { prompt: string; answer: string; accept?: string[]; display?: string; kind?: string; caseSensitive?: boolean };
  export type Dataset = { id: string; title: string; items: QuizItem[] };
  export type Question = QuizItem & { options?: string[] };
  export function datasetQuestions(dataset: Dataset, count: number, round: number): Question[];
  export function timesTableQuestions(options: { tables: number[]; table: number | null; questions: number; round: number }): Question[];
  export function inlineQuestions(questions: { prompt: string; answer: string; options?: string[] }[]): Question[];
  export function scoreText(format: "fraction" | "percent" | "stars", correct: number, total: number): string;
}

declare module "~/server/llm/offline/runtime/src/data/index.js" {
  import type { Dataset } from "~/server/llm/offline/runtime/src/content/questions.js";
  export const datasets: Record<string, Dataset>;
}

declare module "~/server/llm/offline/runtime/src/tools/unit-converter.js" {
  export const units: Record<string, { name: string; symbol: string; kind: string; factor?: number }>;
  export function convert(value: number, from: string, to: string): number;
  export function unitLabel(id: string): string;
  export function pairName(from: string, to: string, twoWay: boolean): string;
  export function converterPairs(pairs: unknown): { from: string; to: string }[];
}

declare module "~/server/llm/offline/runtime/src/tools/currency-converter.js" {
  export function exampleRates(currencies: string[], base: string): Record<string, number>;
}

declare module "~/server/llm/offline/runtime/src/content/format.js" {
  export function formatLongDate(date: Date): string;
}

declare module "~/server/llm/offline/runtime/src/content/clock.js" {
  export function countdownTarget(target: string, now: Date): Date | null;
  export function calendarDaysUntil(date: Date, now: Date): number;
  export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number };
}
