const FILLER = new Set(["and", "or", "of", "in", "on", "my", "our", "your", "where", "which", "can", "let", "lets", "users", "a", "an", "the", "build", "create", "make", "me", "please", "i", "want", "need", "app", "for", "with", "that", "to", "simple", "small"]);

/** A short human name from a prompt: "Build me a todo app with due dates" → "Todo Due Dates". */
export function deriveProjectName(prompt: string): string {
  const words = prompt
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  const meaningful = words.filter((word) => !FILLER.has(word.toLowerCase()));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, 4);
  const name = chosen.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ").slice(0, 60).trim();
  return name || "Untitled project";
}
