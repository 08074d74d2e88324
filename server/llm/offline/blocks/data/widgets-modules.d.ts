// Types of the browser runtime modules the widgets checks import (this project's TypeScript does
// not read JavaScript): the checks take their names, day texts and formats from the runtime's own
// functions, so what a check looks for is what the app shows.

declare module "~/server/llm/offline/runtime/src/widgets/names.js" {
  export function dayText(iso: string): string;
  export function shiftDay(iso: string, days: number): string;
  export function shiftMonth(iso: string, months: number): string;
  export function periodText(iso: string, every?: "day" | "month"): string;
  export function tickLabel(title: string, iso: string, slot?: string | null, every?: "day" | "month"): string;
  export function countLabel(title: string, iso: string): string;
  export function addOneName(title: string): string;
  export function takeOneName(title: string): string;
  export function figureLabel(label: string, title: string): string;
  export function dueText(title: string, slot?: string | null): string;
  export const dueListName: string;
  export function moveCardName(title: string, column: string): string;
  export function moveUpName(title: string): string;
  export function moveDownName(title: string): string;
  export function removeItemName(title: string): string;
  export function addToName(sequenceTitle: string): string;
  export function sequenceListName(itemPlural: string, sequenceTitle: string): string;
  export function mondayOf(iso: string): string;
  export function weekText(mondayIso: string): string;
  export function weekGridName(itemPlural: string, sectionTitle: string): string;
  export function sequenceLibraryName(itemPlural: string, sequenceTitle: string): string;
  export function boardColumnsName(boardTitle: string): string;
  export function singularWords(entityName: string): string;
  export function singularLabelOf(entityName: string): string;
  export function postTimeText(date: Date): string;
}

declare module "~/server/llm/offline/runtime/src/sections/feed.js" {
  type Field = { name: string; label: string; type: string; required?: boolean };
  export function feedFieldsOf(entity: { fields: Field[] }): { author: Field | null; message: Field };
}

declare module "~/server/llm/offline/runtime/src/engine/expr.js" {
  export function formatValue(value: unknown, format?: string, options?: { unit?: string; max?: number }): string;
}
