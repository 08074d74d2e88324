// Types for the runtime modules the data checks import: the checks show numbers exactly as the
// app formats them and name entities as it does, so they use the runtime's own formatValue and
// singularLabel (this project's TypeScript does not
// read JavaScript: allowJs is off).
declare module "~/server/llm/offline/runtime/src/engine/expr.js" {
  export function formatValue(value: unknown, format?: string, options?: { unit?: string; max?: number }): string;
}

declare module "~/server/llm/offline/runtime/src/engine/store.js" {
  export function singularLabel(entity: string | { name: string }): string;
}
