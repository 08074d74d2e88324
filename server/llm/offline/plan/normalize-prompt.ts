// Canonical lowercase text the detectors work on. Prompts are untrusted and may be huge.
export const maxPromptChars = 20_000;

export function normalizePrompt(prompt: unknown): string {
  const raw = typeof prompt === "string" ? prompt : String(prompt ?? "");
  return raw
    .slice(0, maxPromptChars)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\bto-do\b|\bto do list\b/g, "todo")
    .replace(/\be-mail\b/g, "email")
    .replace(/[^\S\n]+/g, " ")
    .trim();
}

/** Name the user asked for: "called Bean There", "named 'Orbit'". */
export function requestedName(text: string): string[] | undefined {
  const m = /\b(?:called|named|name it|call it|titled|rename (?:the app |it )?to)\s+["']?([a-z0-9][a-z0-9 '&-]{0,40}?)["']?(?=$|[.,!?;\n]| with\b| that\b| for\b| and\b| which\b)/.exec(text);
  if (!m) return undefined;
  const words = m[1]!.replace(/[^a-z0-9 ]+/g, " ").split(" ").filter(Boolean).slice(0, 5);
  return words.length ? words : undefined;
}
