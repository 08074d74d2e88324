// Types for the runtime modules the figure checks import: the values a check expects are written
// with the app's own formatter and the records section's own names for forms, so a check and the
// app cannot drift apart in how "1,234.50" or "Add Book loan" is spelled. This project's
// TypeScript does not read JavaScript (allowJs is off), hence these declarations.

declare module "~/server/llm/offline/runtime/src/engine/expr.js" {
  export function formatValue(value: unknown, format?: string, options?: { unit?: string; max?: number }): string;
}

declare module "~/server/llm/offline/runtime/src/engine/store.js" {
  export function singularLabel(entitySpec: string | { name: string }): string;
}
