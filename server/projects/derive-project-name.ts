import { compileAppPlan } from "~/server/llm/offline/compile-app-plan";
import { noSubjectAppName } from "~/server/llm/offline/compose/finish";

const FILLER = new Set(["and", "or", "of", "in", "on", "my", "our", "your", "where", "which", "can", "let", "lets", "users", "a", "an", "the", "build", "create", "make", "me", "please", "i", "want", "need", "app", "for", "with", "that", "to", "simple", "small"]);
const MAX_LENGTH = 60;

/** The prompt's first meaningful words: "Build me a todo app with due dates" → "Todo Due Dates". */
export function keywordProjectName(prompt: string): string {
  const words = prompt
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  const meaningful = words.filter((word) => !FILLER.has(word.toLowerCase()));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, 4);
  const name = chosen.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ").slice(0, MAX_LENGTH).trim();
  return name || "Untitled project";
}

/**
 * A project's name when the user gives none: the app's name as the offline compiler reads the
 * prompt's subject ("I need to keep track of my mum's medications…" → "Medication Tracker",
 * "landing page for Rosie's Bakery…" → "Rosie's Bakery"), known before any run and the same with
 * every provider. Where the compiler found no subject at all ("My App"), the prompt's keywords say more.
 */
export function deriveProjectName(prompt: string): string {
  let fromSubject = "";
  try {
    const compiled = compileAppPlan(prompt);
    if (compiled.ok && compiled.plan.appName !== noSubjectAppName) fromSubject = compiled.plan.appName.replace(/[<>]/g, "").replace(/\s+/g, " ").trim().slice(0, MAX_LENGTH).trim();
  } catch {
    // A prompt the compiler trips on still gets a name.
  }
  return fromSubject || keywordProjectName(prompt);
}
