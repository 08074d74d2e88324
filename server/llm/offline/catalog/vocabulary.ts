// Every word the catalogs know, for spelling correction: a misspelt word is fixed only towards a
// word the compiler would act on ("trak" → track, "expences" → expenses, "categry" → category).
import { boardPatterns, checkinPatterns, feedPatterns, flashcardPatterns, quizPatterns, spacedPatterns, streakPatterns, timerPatterns } from "./app-shapes";
import { capabilities } from "./capabilities";
import { sharingAsk } from "./sharing";
import { careVerbs } from "./care";
import { comparisons } from "./thresholds";
import { timeOrderPatterns, todayPatterns } from "./schedule";
import { turningPatterns, upcomingPatterns } from "./anniversaries";
import { datasets } from "./content";
import { containerWords, entityConcepts, linkVerbs } from "./entities";
import { fieldConcepts } from "./fields";
import { lookConcepts, accentColours } from "./looks";
import { measureWords, periodWords } from "./measures";
import { siteSectionConcepts, siteWords } from "./sites";
import { toolConcepts, unitWords, currencyWords } from "./tools";

/** Everyday app words that are not in any catalog entry but are worth correcting towards. */
const appWords = [
  "track", "tracker", "keep", "list", "show", "add", "remove", "delete", "edit", "mark", "each", "every", "with", "where", "which", "simple",
  "category", "categories", "expenses", "spending", "budget", "monthly", "weekly", "daily", "calendar", "schedule", "reminder", "reminders",
  "inventory", "customers", "clients", "appointments", "website", "landing", "overdue", "upcoming", "returned", "finished", "completed",
  "chart", "graph", "total", "average", "dashboard", "colours", "colors", "theme", "habit", "habits", "tick", "streak", "recipes",
  "ingredients", "workout", "workouts", "exercise", "quantity", "supplier", "suppliers", "products", "invoice", "invoices", "payment",
];

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-zà-ÿ]+/).filter((w) => w.length >= 4);
}

let cached: Set<string> | undefined;

export function catalogVocabulary(): Set<string> {
  if (cached) return cached;
  const texts: string[] = [
    ...appWords,
    ...fieldConcepts.flatMap((f) => [...f.words, f.label]),
    ...entityConcepts.flatMap((e) => [...e.words, e.plural]),
    ...containerWords,
    ...careVerbs.flatMap((v) => [v.verb, v.done, v.doing]),
    ...upcomingPatterns, ...turningPatterns,
    ...comparisons.map((c) => c.pattern),
    ...todayPatterns, ...timeOrderPatterns,
    ...linkVerbs.flatMap((l) => l.verbs),
    ...capabilities.flatMap((c) => c.patterns),
    ...sharingAsk.patterns,
    ...lookConcepts.flatMap((l) => l.patterns),
    ...Object.keys(accentColours),
    ...toolConcepts.flatMap((t) => [...t.patterns, t.title]),
    ...Object.keys(unitWords),
    ...Object.keys(currencyWords),
    ...datasets.flatMap((d) => d.patterns),
    ...siteWords,
    ...siteSectionConcepts.flatMap((s) => s.patterns),
    ...boardPatterns, ...feedPatterns, ...quizPatterns, ...flashcardPatterns, ...spacedPatterns, ...checkinPatterns, ...streakPatterns,
    ...Object.values(timerPatterns).flat(),
    ...measureWords.flatMap((m) => m.patterns),
    ...periodWords.flatMap((p) => p.patterns),
  ];
  cached = new Set(texts.flatMap(wordsOf));
  return cached;
}
