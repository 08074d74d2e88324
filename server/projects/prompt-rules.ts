// The prompt's limits without zod, so the browser can check a prompt as the server will without
// shipping the schema library in the dashboard's first-load JavaScript.
export const PROMPT_MAX_LENGTH = 19_999;
export const PROMPT_EMPTY_MESSAGE = "Describe the app you want to build";
export const PROMPT_TOO_LONG_MESSAGE = "Prompt must be under 20,000 characters";

/** The problem with a prompt, or null when the server will accept it. */
export function promptProblem(prompt: string): string | null {
  const trimmed = prompt.trim();
  if (trimmed.length === 0) return PROMPT_EMPTY_MESSAGE;
  if (trimmed.length > PROMPT_MAX_LENGTH) return PROMPT_TOO_LONG_MESSAGE;
  return null;
}
