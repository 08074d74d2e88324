// Types for the runtime module the data checks import: the checks show numbers exactly as the
// app formats them, so they use the runtime's own formatValue (this project's TypeScript does not
// read JavaScript: allowJs is off).
declare module "~/server/llm/offline/runtime/src/engine/expr.js" {
  export function formatValue(value: unknown, format?: string, options?: { unit?: string; max?: number }): string;
}
