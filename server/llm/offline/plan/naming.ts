// Turning free-text nouns into the identifiers and labels the plan schema accepts. Everything
// here must be total: any word (including gibberish) yields a valid identifier.

const irregularPlurals: Record<string, string> = {
  person: "people",
  child: "children",
  man: "men",
  woman: "women",
  mouse: "mice",
  goose: "geese",
  foot: "feet",
  tooth: "teeth",
  criterion: "criteria",
  datum: "data",
  cactus: "cacti",
};
const irregularSingulars: Record<string, string> = Object.fromEntries(
  Object.entries(irregularPlurals).map(([singular, plural]) => [plural, singular]),
);
// Words whose "-ies"/"-es"/"-s" ending is not a plural suffix we can strip mechanically.
const singularExceptions: Record<string, string> = {
  movies: "movie",
  cookies: "cookie",
  calories: "calorie",
  pies: "pie",
  ties: "tie",
  lies: "lie",
  hoodies: "hoodie",
  selfies: "selfie",
  smoothies: "smoothie",
  brownies: "brownie",
  zombies: "zombie",
  species: "species",
  series: "series",
  news: "news",
  shoes: "shoe",
  toes: "toe",
  canoes: "canoe",
  expenses: "expense",
  courses: "course",
  houses: "house",
  horses: "horse",
  purchases: "purchase",
  nurses: "nurse",
  responses: "response",
  licenses: "license",
  exercises: "exercise",
  databases: "database",
  cases: "case",
  phases: "phase",
  releases: "release",
  statuses: "status",
  buses: "bus",
  viruses: "virus",
  bonuses: "bonus",
  campuses: "campus",
  analyses: "analysis",
  diagnoses: "diagnosis",
  axes: "axis",
  leaves: "leaf",
  wolves: "wolf",
  knives: "knife",
  lives: "life",
  wives: "wife",
  shelves: "shelf",
};
const notPlural = /(ss|us|is|ics|ous|ness)$/;

export function singularize(word: string): string {
  const w = word.toLowerCase();
  if (irregularSingulars[w]) return irregularSingulars[w];
  if (singularExceptions[w]) return singularExceptions[w];
  if (w.length <= 3 || notPlural.test(w)) return w;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (/[^aeiou]oes$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

export function pluralize(word: string): string {
  const w = word.toLowerCase();
  if (irregularPlurals[w]) return irregularPlurals[w];
  if (w === "species" || w === "series" || w === "news" || w === "data") return w;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

export function isLikelyPlural(word: string): boolean {
  return singularize(word) !== word.toLowerCase();
}

/** Lowercase alphanumeric words of a phrase. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

const capitalize = (w: string): string => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

const acronyms = new Set(["sku", "url", "id", "crm", "api", "ui", "isbn", "vin", "bmi", "faq", "seo", "kpi", "okr"]);

/** "due date" → "Due date" (sentence case reads calmer in forms than Title Case). */
export function labelOf(words: string[]): string {
  const label = words
    .map((w, i) => (acronyms.has(w) ? w.toUpperCase() : i === 0 ? capitalize(w) : w))
    .join(" ")
    .slice(0, 60)
    .trim();
  return label || "Item";
}

/** "Title Case" for names of entities and apps. */
export function titleOf(words: string[]): string {
  return words.map((w) => (acronyms.has(w) ? w.toUpperCase() : capitalize(w))).join(" ");
}

/** A schema-valid identifier: starts with a letter, letters/digits only, ≤ 40 chars. */
function identifierOf(words: string[], pascal: boolean, fallback: string): string {
  const cleaned = words.map((w) => w.replace(/[^a-z0-9]/g, "")).filter(Boolean);
  let id = cleaned.map((w, i) => (i === 0 && !pascal ? w : capitalize(w))).join("");
  id = id.replace(/^[0-9]+/, "");
  if (!id) return fallback;
  return id.slice(0, 40);
}

export const pascalOf = (words: string[], fallback = "Item"): string => identifierOf(words, true, fallback);
export const camelOf = (words: string[], fallback = "value"): string => identifierOf(words, false, fallback);

/** camelCase / PascalCase → words: "dueDate" → ["due", "date"]. */
export function splitIdentifier(id: string): string[] {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}

/** URL-safe slug for page paths and storage keys. */
export function slugOf(text: string, fallback = "app"): string {
  const slug = wordsOf(text).join("-").slice(0, 48).replace(/-+$/, "");
  return slug || fallback;
}

/** snake_case for SQL identifiers. */
export function snakeOf(id: string): string {
  return splitIdentifier(id).join("_");
}

/**
 * Plain text safe to embed anywhere (HTML, Markdown, JS strings, SQL comments): the prompt is
 * untrusted, so we keep only characters that cannot start markup or break out of a context.
 */
export function safeText(text: string, max: number): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[<>`{}[\]\\|$*_#~^=]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
}
