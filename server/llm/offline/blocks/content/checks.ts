// Acceptance checks for the content family's sections — quiz, flashcards, tool and timer — written
// the way the prompt's author would verify them: answer three questions right and the rest wrong
// and read "3 / 10"; 10 km → 6.21 mi and back; 200,000 at 5% over 25 years → 1,169.18 a month;
// start a pomodoro, let 25 minutes pass on a fake clock and see a 05:00 break. Each check asserts
// specific values, so a broken app fails it.
//
// A section carries the ids of every requirement it serves; each id goes to the check that
// exercises it (matched by the requirement's kind and words), and ids no specific check claims go
// to the section's main check, which exercises the section as a whole.
import type { TAcceptanceCheckInput, TPlanPage, TRequirement } from "~/server/plan/plan-schema";
import type { TSection } from "~/server/plan/app-spec";
import { datasetQuestions, inlineQuestions, scoreText, timesTableQuestions, type Question } from "~/server/llm/offline/runtime/src/content/questions.js";
import { datasets } from "~/server/llm/offline/runtime/src/data/index.js";
import { convert, converterPairs, pairName, unitLabel } from "~/server/llm/offline/runtime/src/tools/unit-converter.js";
import { exampleRates } from "~/server/llm/offline/runtime/src/tools/currency-converter.js";
import { formatLongDate } from "~/server/llm/offline/runtime/src/content/format.js";
import { calendarDaysUntil, countdownTarget, splitDuration } from "~/server/llm/offline/runtime/src/content/clock.js";
import type { CheckContext, SectionCheckGenerator } from "../registry";

type Check = TAcceptanceCheckInput;
type Step = Check["steps"][number];
type Section<T extends TSection["type"]> = Extract<TSection, { type: T }>;

// ─── Requirements → checks ───────────────────────────────────────────────────

/** The section's requirements that are planned (unsupported ones get no checks). */
function requirementsOf(section: { requirementIds?: string[] }, ctx: CheckContext): TRequirement[] {
  const all = ctx.plan.requirements ?? [];
  return (section.requirementIds ?? []).flatMap((id) => {
    const found = all.find((r) => r.id === id);
    // A plan without a requirements list still tags its parts: treat those ids as planned.
    if (!found) return all.length ? [] : [{ id, kind: "interaction", text: "", quote: "", promptIndex: 0, status: "planned" } as TRequirement];
    return found.status === "planned" ? [found] : [];
  });
}

/** `strict`: when this rule's check does not exist, its requirements stay unverified rather than go to the main check. */
type Rule = { key: string; test: (requirement: TRequirement, words: string) => boolean; strict?: boolean };
/** A rule with this key claims requirements no check here can verify: they stay unverified. */
const UNVERIFIED = "";

/**
 * Gives each requirement to the first rule that accepts it (only rules whose check exists, or
 * UNVERIFIED), the rest to `mainKey`. Returns ids per check key.
 */
function distribute(requirements: TRequirement[], rules: Rule[], mainKey: string, present: Set<string>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const add = (key: string, id: string) => result.set(key, [...(result.get(key) ?? []), id]);
  for (const requirement of requirements) {
    const words = `${requirement.text} ${requirement.quote}`.toLowerCase();
    const rule = rules.find((r) => (present.has(r.key) || r.key === UNVERIFIED || r.strict) && r.test(requirement, words));
    if (!rule) add(mainKey, requirement.id);
    else if (rule.key !== UNVERIFIED && present.has(rule.key)) add(rule.key, requirement.id);
  }
  return result;
}

type Draft = { key: string; id: string; description: string; steps: Step[]; extraIds?: string[] };

/** The finished checks: drafts with the ids `distribute` gave them (plus ids they always verify). */
function finish(drafts: Draft[], requirements: TRequirement[], rules: Rule[], mainKey: string): Check[] {
  const present = new Set(drafts.map((d) => d.key));
  const ids = distribute(requirements, rules, present.has(mainKey) ? mainKey : drafts[0]?.key ?? mainKey, present);
  return drafts.map((draft) => {
    const requirementIds = [...new Set([...(ids.get(draft.key) ?? []), ...(draft.extraIds ?? [])])];
    return { id: draft.id, description: draft.description, ...(requirementIds.length ? { requirementIds } : {}), steps: draft.steps };
  });
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24) || "section";
/** Steps scoped to the section (its <section> is labelled by its heading, the title). */
const scope = (section: { title?: string }) => (section.title ? { within: section.title } : {});

// ─── Quiz ────────────────────────────────────────────────────────────────────

/**
 * Answers the author can check a capitals quiz against, written here independently of the data
 * set: where round 1 asks about one of these, the check clicks this answer and expects "Correct!".
 */
const knownAnswers: Record<string, string> = {
  France: "Paris", Poland: "Warsaw", Portugal: "Lisbon", Germany: "Berlin", Spain: "Madrid", Italy: "Rome", "the United Kingdom": "London",
  Ireland: "Dublin", "the Netherlands": "Amsterdam", Belgium: "Brussels", Austria: "Vienna", Switzerland: "Bern", Czechia: "Prague",
  Hungary: "Budapest", Greece: "Athens", Sweden: "Stockholm", Norway: "Oslo", Denmark: "Copenhagen", Finland: "Helsinki",
  Iceland: "Reykjavík", Romania: "Bucharest", Bulgaria: "Sofia", Croatia: "Zagreb", Serbia: "Belgrade", Slovakia: "Bratislava",
  Slovenia: "Ljubljana", Ukraine: "Kyiv", Lithuania: "Vilnius", Latvia: "Riga", Estonia: "Tallinn", Russia: "Moscow", Belarus: "Minsk",
  Albania: "Tirana", Malta: "Valletta", Cyprus: "Nicosia", Luxembourg: "Luxembourg", Montenegro: "Podgorica", "North Macedonia": "Skopje",
  "Bosnia and Herzegovina": "Sarajevo", Moldova: "Chișinău", Andorra: "Andorra la Vella", Liechtenstein: "Vaduz", Monaco: "Monaco",
  "San Marino": "San Marino", "Vatican City": "Vatican City",
  Japan: "Tokyo", China: "Beijing", India: "New Delhi", Canada: "Ottawa", Australia: "Canberra", Brazil: "Brasília", Egypt: "Cairo",
  Kenya: "Nairobi", Mexico: "Mexico City", Argentina: "Buenos Aires", Turkey: "Ankara", "the United States": "Washington, D.C.",
  Texas: "Austin", California: "Sacramento", "New York": "Albany", Florida: "Tallahassee", Illinois: "Springfield", Pennsylvania: "Harrisburg",
};

function knownAnswer(question: Question): string | undefined {
  const about = /capital of (.+)\?$/.exec(question.prompt)?.[1];
  return about ? knownAnswers[about] : undefined;
}

/** Steps that answer one question: click the option, or type into "Your answer" and Check. */
function answerSteps(question: Question, answer: string, within: { within?: string }): Step[] {
  if (question.options) return [{ action: "click", role: "button", name: answer, ...within }];
  return [{ action: "fill", label: "Your answer", value: answer, ...within }, { action: "click", role: "button", name: "Check", ...within }];
}

function wrongAnswer(question: Question): string {
  if (question.options) return question.options.find((o) => o !== question.answer)!;
  return /^-?\d+$/.test(question.answer) ? String(Number(question.answer) + 1) : "not the answer";
}

/** The step language's limit on steps per check. */
const MAX_STEPS = 60;

const nextName = (index: number, total: number) => (index + 1 < total ? "Next question" : "See your score");

export const quizChecks: SectionCheckGenerator<"quiz"> = (section, page, ctx) => {
  const source = section.source;
  const within = scope(section);
  const name = slug(section.title ?? "quiz");
  const format = section.score ?? "fraction";
  const requirements = requirementsOf(section, ctx);
  let questions: Question[] = [];
  const setup: Step[] = [{ action: "goto", path: page.path }];
  let table: number | null = null;

  switch (source.kind) {
    case "dataset": {
      const dataset = datasets[source.dataset];
      if (!dataset) return [];
      questions = datasetQuestions(dataset, source.count ?? 10, 1);
      break;
    }
    case "times-table": {
      const tables = source.tables;
      const picks = source.pickTable !== false && tables.length > 1;
      table = picks ? (tables.includes(7) ? 7 : tables[Math.floor(tables.length / 2)]!) : tables.length === 1 ? tables[0]! : null;
      questions = timesTableQuestions({ tables, table, questions: source.questions ?? 10, round: 1 });
      if (picks) setup.push({ action: "click", role: "button", name: `${table} times table`, ...within });
      break;
    }
    case "inline":
      questions = inlineQuestions(source.questions);
      break;
    case "entity": {
      const entity = ctx.plan.entities.find((e) => e.name === source.entity);
      const recordsPage = ctx.plan.pages.find((p) => (p.sections ?? []).some((s) => s.type === "records" && s.entity === source.entity));
      const promptField = entity?.fields.find((f) => f.name === source.promptField);
      const answerField = entity?.fields.find((f) => f.name === source.answerField);
      if (!entity || !recordsPage || !promptField || !answerField) return [];
      // Written through the entity's records block (data-core), as the user would.
      const samples = [{ prompt: "What is 6 × 7?", answer: "42" }, { prompt: "What colour is the sky on a clear day?", answer: "Blue" }, { prompt: "How many legs does a spider have?", answer: "8" }];
      const recordsWithin = (recordsPage.sections ?? []).find((s) => s.type === "records" && s.entity === source.entity)?.title;
      setup.splice(0, 1, { action: "goto", path: recordsPage.path });
      for (const sample of samples) {
        setup.push(
          { action: "fill", label: promptField.label, value: sample.prompt, ...(recordsWithin ? { within: recordsWithin } : {}) },
          { action: "fill", label: answerField.label, value: sample.answer, ...(recordsWithin ? { within: recordsWithin } : {}) },
          { action: "click", role: "button", name: `Add ${entity.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()}`, ...(recordsWithin ? { within: recordsWithin } : {}) },
        );
      }
      setup.push({ action: "goto", path: page.path });
      questions = samples;
      break;
    }
  }
  if (!questions.length) return [];
  const total = questions.length;
  const drafts: Draft[] = [];

  // One question at a time: the first is shown alone, answering it gives feedback and moves on.
  const first = questions[0]!;
  const second = questions[1];
  drafts.push({
    key: "flow",
    id: `quiz-${name}-one-at-a-time`,
    description: "Questions come one at a time, each answer gets feedback, and answering moves to the next",
    steps: [
      ...setup,
      { action: "expectText", text: `Question 1 of ${total}`, ...within },
      { action: "expectText", text: first.prompt, ...within },
      ...(second && second.prompt !== first.prompt ? [{ action: "expectNoText", text: second.prompt, ...within } as Step] : []),
      ...answerSteps(first, first.answer, within),
      { action: "expectText", text: "Correct!", ...within },
      { action: "click", role: "button", name: nextName(0, total), ...within },
      ...(second
        ? [
            { action: "expectText", text: `Question 2 of ${total}`, ...within } as Step,
            { action: "expectText", text: second.prompt, ...within } as Step,
            ...answerSteps(second, wrongAnswer(second), within),
            { action: "expectText", text: `Not quite — the answer is ${second.answer}`, ...within } as Step,
          ]
        : []),
    ],
  });

  // Content: a data set's answers are right (checked against answers known here), a times table
  // asks only the picked table, and offers the tables the plan lists.
  if (source.kind === "dataset") {
    const steps: Step[] = [...setup];
    for (const [i, question] of questions.entries()) {
      const known = knownAnswer(question);
      const more: Step[] = [{ action: "expectText", text: question.prompt, ...within }, ...answerSteps(question, known ?? question.answer, within), { action: "expectText", text: "Correct!", ...within }, { action: "click", role: "button", name: nextName(i, total), ...within }];
      // A long round is checked as far as a check's steps go.
      if (steps.length + more.length > MAX_STEPS - 1) break;
      steps.push(...more);
    }
    if (steps.length === setup.length + 4 * total) steps.push({ action: "expectValue", label: "Score", value: scoreText(format, total, total), ...within });
    drafts.push({ key: "content", id: `quiz-${name}-right-answers`, description: `Every question of a round is from the ${datasets[(source as { dataset: string }).dataset]!.title.toLowerCase()} set and its right answer is accepted`, steps });
  }
  if (source.kind === "times-table" && source.pickTable !== false && source.tables.length > 1) {
    drafts.push({
      key: "tables",
      id: `quiz-${name}-tables-offered`,
      description: `The tables offered are ${source.tables[0]} to ${source.tables.at(-1)}`,
      steps: [
        { action: "goto", path: page.path },
        { action: "expectCount", role: "button", within: "Pick a table", count: source.tables.length + 1 },
        ...source.tables.map((t) => ({ action: "expectElement", role: "button", name: `${t} times table`, within: "Pick a table" }) as Step),
      ],
    });
  }

  // The whole round: right answers to the first few, wrong to the rest, and the exact score.
  const right = Math.min(total - 1, format === "stars" ? 7 : 3) || total;
  const round: Step[] = [...setup];
  const closing = 5;
  const answering = questions.reduce((sum, q) => sum + answerSteps(q, q.answer, within).length + 1, 0);
  // The count is read on the first and last question; each question's text only where it is the
  // point (every question from the picked table), and only as far as the step budget allows.
  let spare = MAX_STEPS - setup.length - closing - answering - 2;
  if (spare < 0) return finish(drafts, requirements, quizRules, "flow");
  const showsEachQuestion = source.kind === "times-table" && table !== null;
  questions.forEach((question, i) => {
    if (i === 0 || i === total - 1) round.push({ action: "expectText", text: `Question ${i + 1} of ${total}`, ...within });
    if (showsEachQuestion && spare >= 1) {
      round.push({ action: "expectText", text: question.prompt, ...within });
      spare -= 1;
    }
    round.push(...answerSteps(question, i < right ? question.answer : wrongAnswer(question), within));
    round.push({ action: "click", role: "button", name: nextName(i, total), ...within });
  });
  round.push(
    { action: "expectValue", label: "Score", value: scoreText(format, right, total), ...within },
    // As text too: a number alone would also match "7 / 10" where "7 stars" was asked for.
    { action: "expectText", text: scoreText(format, right, total), ...within },
    { action: "expectText", text: `You got ${right} of ${total} right`, ...within },
    { action: "click", role: "button", name: "Play again", ...within },
    { action: "expectText", text: `Question 1 of ${total}`, ...within },
  );
  drafts.push({ key: "score", id: `quiz-${name}-score`, description: `Answering ${right} of ${total} right shows ${scoreText(format, right, total)} at the end${table !== null ? `, every question from the ${table} times table` : ""}`, steps: round });

  return finish(drafts, requirements, quizRules, "flow");
};

const quizRules: Rule[] = [
  { key: "score", strict: true, test: (r, w) => r.kind === "computed" || /score|star|result|right answers|\d+ questions|how many/.test(w) },
  { key: "score", strict: true, test: (_r, w) => /pick|choose|select/.test(w) },
  { key: "tables", test: (r, w) => r.kind === "content" && /tables? \d|\d+ to \d+|\d+ - \d+/.test(w) },
  { key: "content", test: (r) => r.kind === "content" },
];

// ─── Flashcards ──────────────────────────────────────────────────────────────

/** Words to practise with, by the language the front side names; the author's own example first. */
const sampleCards: Record<string, [string, string][]> = {
  spanish: [["perro", "dog"], ["gato", "cat"], ["casa", "house"]],
  french: [["chien", "dog"], ["chat", "cat"], ["maison", "house"]],
  german: [["Hund", "dog"], ["Katze", "cat"], ["Haus", "house"]],
  italian: [["cane", "dog"], ["gatto", "cat"], ["casa", "house"]],
  default: [["sun", "day"], ["moon", "night"], ["rain", "cloud"]],
};

/** "I type the cards myself", "my own cards": the deck is the user's own. */
const ownCards = (r: TRequirement): boolean => r.kind === "interaction" && /\b(myself|ourselves|yourself|own)\b/i.test(r.quote);

export const flashcardsChecks: SectionCheckGenerator<"flashcards"> = (section, page, ctx) => {
  const entity = ctx.plan.entities.find((e) => e.name === section.entity);
  const frontField = entity?.fields.find((f) => f.name === section.frontField);
  const backField = entity?.fields.find((f) => f.name === section.backField);
  if (!entity || !frontField || !backField) return [];
  const within = scope(section);
  const name = slug(section.title ?? "flashcards");
  const language = Object.keys(sampleCards).find((l) => frontField.label.toLowerCase().includes(l)) ?? "default";
  const cards = sampleCards[language]!;
  const addButton = `Add ${entity.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()}`;
  const add = (count: number): Step[] =>
    cards.slice(0, count).flatMap(([front, back]) => [
      { action: "fill", label: frontField.label, value: front, ...within },
      { action: "fill", label: backField.label, value: back, ...within },
      { action: "click", role: "button", name: addButton, ...within },
    ] as Step[]);
  const [[front1, back1], [front2, back2], [front3]] = cards as [[string, string], [string, string], [string, string]];
  const drafts: Draft[] = [
    {
      key: "deck",
      id: `flashcards-${name}-kept`,
      description: `A card added with its ${frontField.label.toLowerCase()} shows in practice and is still there after a reload`,
      steps: [
        { action: "goto", path: page.path },
        ...add(1),
        { action: "expectText", text: frontField.label, within: "Card" },
        { action: "expectText", text: front1, within: "Card" },
        { action: "reload" },
        { action: "expectText", text: front1, within: "Card" },
      ],
    },
    {
      key: "flip",
      id: `flashcards-${name}-flip`,
      description: `Flipping a card shows its ${backField.label.toLowerCase()} instead of its ${frontField.label.toLowerCase()}`,
      steps: [
        { action: "goto", path: page.path },
        ...add(1),
        { action: "expectText", text: front1, within: "Card" },
        { action: "expectNoText", text: back1, within: "Card" },
        { action: "click", role: "button", name: "Flip", ...within },
        { action: "expectText", text: backField.label, within: "Card" },
        { action: "expectText", text: back1, within: "Card" },
        { action: "expectNoText", text: front1, within: "Card" },
        { action: "click", role: "button", name: "I knew it", ...within },
      ],
    },
  ];
  // "I type the cards myself": two cards of one's own are studied in turn, each flipping to its own back.
  if (requirementsOf(section, ctx).some((r) => ownCards(r))) {
    drafts.push({
      key: "own",
      id: `flashcards-${name}-own-cards`,
      description: `Two cards typed in ("${front1}" / "${back1}", "${front2}" / "${back2}") are studied in turn, each flipping to its own ${backField.label.toLowerCase()}`,
      steps: [
        { action: "goto", path: page.path },
        ...add(2),
        { action: "expectText", text: front1, within: "Card" },
        { action: "click", role: "button", name: "Flip", ...within },
        { action: "expectText", text: back1, within: "Card" },
        { action: "click", role: "button", name: "I knew it", ...within },
        { action: "expectText", text: front2, within: "Card" },
        { action: "expectNoText", text: back2, within: "Card" },
        { action: "click", role: "button", name: "Flip", ...within },
        { action: "expectText", text: back2, within: "Card" },
        { action: "expectNoText", text: front2, within: "Card" },
      ],
    });
  }
  if (section.spaced) {
    drafts.push({
      key: "spaced",
      id: `flashcards-${name}-missed-come-back`,
      description: `A card marked wrong comes back before the cards not yet seen ("${front1}" again before "${front3}")`,
      steps: [
        { action: "goto", path: page.path },
        ...add(3),
        { action: "expectText", text: front1, within: "Card" },
        { action: "click", role: "button", name: "Flip", ...within },
        { action: "click", role: "button", name: "I didn't", ...within },
        { action: "expectText", text: front2, within: "Card" },
        { action: "click", role: "button", name: "Flip", ...within },
        { action: "expectText", text: back2, within: "Card" },
        { action: "click", role: "button", name: "I knew it", ...within },
        { action: "expectText", text: front1, within: "Card" },
        { action: "expectNoText", text: front3, within: "Card" },
      ],
    });
  }
  const fieldIds = [...(frontField.requirementIds ?? []), ...(backField.requirementIds ?? [])].filter((id) => requirementsOf({ requirementIds: [id] }, ctx).length);
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "spaced", test: (r, w) => r.kind === "computed" || /wrong|again|more often|spaced|repeat/.test(w) },
    { key: "own", test: (r) => ownCards(r) },
    { key: "flip", test: (r, w) => r.kind === "interaction" || /flip|turn/.test(w) },
    { key: "deck", test: (r) => r.kind === "entity" || r.kind === "content" || r.kind === "field" },
  ], "deck").map((check, i) => (i < 2 ? { ...check, requirementIds: [...new Set([...(check.requirementIds ?? []), ...fieldIds])] } : check));
};

// ─── Tools ───────────────────────────────────────────────────────────────────

/** Values an author checks conversions with, and the results they expect (two decimals). */
const conversionSamples: Record<string, [number, string]> = {
  "km-mi": [10, "6.21"], "mi-km": [1, "1.61"], "kg-lb": [1, "2.20"], "lb-kg": [10, "4.54"], "c-f": [100, "212.00"], "f-c": [212, "100.00"],
  "cm-in": [100, "39.37"], "in-cm": [10, "25.40"], "m-ft": [1, "3.28"], "ft-m": [10, "3.05"], "l-gal": [10, "2.64"], "gal-l": [1, "3.79"],
  "g-oz": [100, "3.53"], "oz-g": [1, "28.35"], "ml-cup": [250, "1.06"], "cup-ml": [1, "236.59"], "km-m": [1, "1000.00"], "m-km": [500, "0.50"],
};

function conversionSample(from: string, to: string): [number, string] {
  const known = conversionSamples[`${from}-${to}`];
  if (known) return known;
  // Pairs the author table does not list: a round sample converted by the runtime's own factors.
  return [10, convert(10, from, to).toFixed(2)];
}

type ToolSection = Section<"tool">;
type ToolChecks = (section: ToolSection, page: TPlanPage, ctx: CheckContext) => Check[];

const unitConverterChecks: ToolChecks = (section, page, ctx) => {
  const twoWay = section.config.bothDirections !== false;
  const pairs = converterPairs(section.config.pairs);
  const drafts: Draft[] = [];
  const rules: Rule[] = [];
  const unitWordsOf = (id: string) => ({ km: "km|kilomet", mi: "mi|mile", kg: "kg|kilo", lb: "lb|pound", c: "celsius|centigrade|°c", f: "fahrenheit|°f", cm: "cm|centimet", in: "inch|\\bin\\b", m: "\\bm\\b|metre|meter", ft: "ft|feet|foot", l: "litre|liter|\\bl\\b", gal: "gallon|gal", g: "\\bg\\b|gram", oz: "ounce|oz", ml: "ml|millilit", cup: "cup" })[id] ?? id;
  for (const [index, { from, to }] of pairs.entries()) {
    const group = { within: pairName(from, to, twoWay) };
    const [value, expected] = conversionSample(from, to);
    const forward: Step[] = [{ action: "goto", path: page.path }, { action: "fill", label: unitLabel(from), value: String(value), ...group }, { action: "expectValue", label: unitLabel(to), value: expected, ...group }];
    if (from === "c" && to === "f") forward.push({ action: "fill", label: unitLabel("c"), value: "0", ...group }, { action: "expectValue", label: unitLabel("f"), value: "32.00", ...group });
    const key = `pair-${index}`;
    drafts.push({ key, id: `convert-${from}-${to}`, description: `${value} ${from} → ${expected} ${to}`, steps: forward });
    const pairTest = new RegExp(`(${unitWordsOf(from)}).*(${unitWordsOf(to)})|(${unitWordsOf(to)}).*(${unitWordsOf(from)})`);
    rules.push({ key, test: (r, w) => r.kind === "computed" && pairTest.test(w) });
    if (twoWay) {
      const [back, backExpected] = conversionSample(to, from);
      drafts.push({ key: `back-${index}`, id: `convert-${to}-${from}`, description: `Both directions: ${back} ${to} → ${backExpected} ${from}`, steps: [{ action: "goto", path: page.path }, { action: "fill", label: unitLabel(to), value: String(back), ...group }, { action: "expectValue", label: unitLabel(from), value: backExpected, ...group }] });
    }
  }
  // "Both directions" is verified by every way back; its id goes on each.
  const interaction = requirementsOf(section, ctx).filter((r) => r.kind === "interaction" && /both|direction|back|revers|either/.test(`${r.text} ${r.quote}`.toLowerCase()));
  // A pair the plan names that cannot be converted (kilograms to Celsius) has no check: it stays unverified.
  rules.push({ key: UNVERIFIED, test: (r, w) => r.kind === "computed" && /converts? \S+ (to|into) \S+/.test(w) });
  const checks = finish(drafts, requirementsOf(section, ctx).filter((r) => !interaction.includes(r)), rules, "pair-0");
  return checks.map((check) => (check.id.startsWith("convert-") && drafts.find((d) => d.id === check.id)?.key.startsWith("back-") ? { ...check, requirementIds: [...(check.requirementIds ?? []), ...interaction.map((r) => r.id)] } : check));
};

const tipChecks: ToolChecks = (section, page, ctx) => {
  const drafts: Draft[] = [{
    key: "tip",
    id: "tip-and-total",
    description: "A bill of 100 with a 15% tip → tip 15.00, total 115.00",
    steps: [{ action: "goto", path: page.path }, { action: "fill", label: "Bill amount", value: "100" }, { action: "fill", label: "Tip (%)", value: "15" }, { action: "expectValue", label: "Tip", value: "15.00" }, { action: "expectValue", label: "Total", value: "115.00" }],
  }];
  if (section.config.split) {
    drafts.push({
      key: "split",
      id: "tip-split-per-person",
      description: "The same bill split between 4 people → 28.75 each",
      steps: [{ action: "goto", path: page.path }, { action: "fill", label: "Bill amount", value: "100" }, { action: "fill", label: "Tip (%)", value: "15" }, { action: "fill", label: "People", value: "4" }, { action: "expectValue", label: "Per person", value: "28.75" }],
    });
  }
  return finish(drafts, requirementsOf(section, ctx), [{ key: "split", test: (_r, w) => /split|person|people|share|each|between/.test(w) }], "tip");
};

const bmiChecks: ToolChecks = (section, page, ctx) => {
  const units = Array.isArray(section.config.units) ? section.config.units.map(String) : ["metric"];
  const metric = units.includes("metric") || !units.includes("imperial");
  const drafts: Draft[] = [];
  const fillMetric = (kg: string): Step[] => [{ action: "fill", label: "Height (cm)", value: "175" }, { action: "fill", label: "Weight (kg)", value: kg }];
  if (metric) {
    drafts.push({ key: "bmi", id: "bmi-metric", description: "70 kg and 175 cm → BMI 22.9", steps: [{ action: "goto", path: page.path }, ...fillMetric("70"), { action: "expectValue", label: "BMI", value: "22.9" }] });
    if (section.config.categories !== false) {
      drafts.push({
        key: "category",
        id: "bmi-categories",
        description: "50 kg → underweight (16.3), 70 kg → healthy, 90 kg → overweight (29.4), at 175 cm",
        steps: [
          { action: "goto", path: page.path },
          ...fillMetric("50"), { action: "expectValue", label: "BMI", value: "16.3" }, { action: "expectValue", label: "Category", value: "Underweight" },
          { action: "fill", label: "Weight (kg)", value: "70" }, { action: "expectValue", label: "Category", value: "Healthy" },
          { action: "fill", label: "Weight (kg)", value: "90" }, { action: "expectValue", label: "BMI", value: "29.4" }, { action: "expectValue", label: "Category", value: "Overweight" },
        ],
      });
    }
  }
  if (units.includes("imperial")) {
    drafts.push({
      key: "imperial",
      id: "bmi-imperial",
      description: "Imperial: 154 lb at 5 ft 9 in → BMI 22.7",
      steps: [{ action: "goto", path: page.path }, ...(metric ? [{ action: "check", label: "Imperial" } as Step] : []), { action: "fill", label: "Height (feet)", value: "5" }, { action: "fill", label: "Height (inches)", value: "9" }, { action: "fill", label: "Weight (lb)", value: "154" }, { action: "expectValue", label: "BMI", value: "22.7" }],
    });
  }
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "imperial", test: (_r, w) => /imperial|pound|feet|inch/.test(w) },
    { key: "category", test: (_r, w) => /underweight|overweight|healthy|obese|categor|tells you/.test(w) },
  ], metric ? "bmi" : "imperial");
};

const mortgageChecks: ToolChecks = (section, page, ctx) => {
  const fill: Step[] = [{ action: "goto", path: page.path }, { action: "fill", label: "Loan amount", value: "200000" }, { action: "fill", label: "Interest rate (%)", value: "5" }, { action: "fill", label: "Term (years)", value: "25" }];
  const drafts: Draft[] = [{ key: "payment", id: "mortgage-monthly-payment", description: "200,000 at 5% over 25 years → 1,169.18 a month", steps: [...fill, { action: "expectValue", label: "Monthly payment", value: "1,169.18" }] }];
  if (section.config.showTotalInterest) drafts.push({ key: "interest", id: "mortgage-total-interest", description: "The same loan → about 150,754 of interest in total", steps: [...fill, { action: "expectValue", label: "Total interest", value: "150,754" }] });
  if (section.config.amortization) {
    drafts.push({
      key: "table",
      id: "mortgage-amortization-by-year",
      description: "An amortization table with one row per year for 25 years, ending at a balance of 0",
      steps: [...fill, { action: "expectCount", role: "row", within: "Amortization by year", count: 26 }, { action: "expectText", text: "Balance", within: "Amortization by year" }, { action: "expectValue", label: "Final balance", value: "0.00" }],
    });
  }
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "interest", test: (_r, w) => /total interest|interest paid/.test(w) },
    { key: "table", test: (_r, w) => /amorti|schedule|table|year by year/.test(w) },
  ], "payment");
};

const wordCounterChecks: ToolChecks = (section, page, ctx) => {
  const drafts: Draft[] = [{
    key: "words",
    id: "word-count-as-you-type",
    description: "'the quick brown fox' → 4 words, and the count follows the typing",
    steps: [{ action: "goto", path: page.path }, { action: "fill", label: "Text", value: "the quick brown fox" }, { action: "expectValue", label: "Words", value: "4" }, { action: "fill", label: "Text", value: "the quick brown fox jumps" }, { action: "expectValue", label: "Words", value: "5" }],
  }];
  if (section.config.characters) drafts.push({ key: "characters", id: "word-count-characters", description: "'the quick brown fox' → 19 characters", steps: [{ action: "goto", path: page.path }, { action: "fill", label: "Text", value: "the quick brown fox" }, { action: "expectValue", label: "Characters", value: "19" }] });
  if (section.config.readingTime) {
    drafts.push({ key: "reading", id: "word-count-reading-time", description: "A 400-word text → about 2 min to read", steps: [{ action: "goto", path: page.path }, { action: "fill", label: "Text", value: Array(400).fill("word").join(" ") }, { action: "expectValue", label: "Words", value: "400" }, { action: "expectValue", label: "Reading time", value: "2 min" }] });
  }
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "characters", test: (_r, w) => /character|letter/.test(w) },
    { key: "reading", test: (_r, w) => /reading|read/.test(w) },
  ], "words");
};

const passwordChecks: ToolChecks = (section, page, ctx) => {
  const length = Number(section.config.length) || 16;
  const drafts: Draft[] = [{
    key: "generate",
    id: "password-generated",
    description: `Generate gives a ${length}-character password`,
    steps: [{ action: "goto", path: page.path }, { action: "click", role: "button", name: "Generate" }, { action: "expectValue", label: "Characters", value: String(length) }, { action: "expectValue", label: "Includes", value: "letters" }],
  }];
  if (section.config.chooseLength) drafts.push({ key: "length", id: "password-length", description: "Length 20 → a password of exactly 20 characters", steps: [{ action: "goto", path: page.path }, { action: "fill", label: "Length", value: "20" }, { action: "click", role: "button", name: "Generate" }, { action: "expectValue", label: "Characters", value: "20" }] });
  if (section.config.chooseCharacters) {
    drafts.push({
      key: "characters",
      id: "password-numbers-symbols",
      description: "Symbols off → none in the password; numbers on → at least one digit",
      steps: [
        { action: "goto", path: page.path },
        { action: "uncheck", label: "Include symbols" },
        { action: "check", label: "Include numbers" },
        { action: "click", role: "button", name: "Generate" },
        { action: "expectValue", label: "Includes", value: "letters and numbers" },
        { action: "uncheck", label: "Include numbers" },
        { action: "click", role: "button", name: "Generate" },
        { action: "expectValue", label: "Includes", value: "letters only" },
      ],
    });
  }
  if (section.config.copy) drafts.push({ key: "copy", id: "password-copy", description: "Copy puts the password on the clipboard and says Copied", steps: [{ action: "goto", path: page.path }, { action: "click", role: "button", name: "Copy" }, { action: "expectText", text: "Copied" }] });
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "copy", test: (_r, w) => /copy|clipboard/.test(w) },
    { key: "length", test: (_r, w) => /length|long/.test(w) },
    { key: "characters", test: (_r, w) => /number|digit|symbol/.test(w) },
  ], "generate");
};

const recipeChecks: ToolChecks = (section, page, ctx) => {
  const base = Number(section.config.baseServings) > 0 ? Number(section.config.baseServings) : 4;
  const add: Step[] = [
    { action: "fill", label: "Ingredient", value: "200 g flour" }, { action: "click", role: "button", name: "Add ingredient" },
    { action: "fill", label: "Ingredient", value: "3 eggs" }, { action: "click", role: "button", name: "Add ingredient" },
  ];
  const double = base * 2;
  const half = base / 2;
  const drafts: Draft[] = [
    { key: "list", id: "recipe-ingredients-kept", description: "Ingredients with amounts are listed and kept after a reload", steps: [{ action: "goto", path: page.path }, ...add, { action: "expectText", text: "200 g flour", within: "Ingredients" }, { action: "expectText", text: "3 eggs", within: "Ingredients" }, { action: "reload" }, { action: "expectOrder", texts: ["200 g flour", "3 eggs"], within: "Ingredients" }] },
    { key: "base", id: "recipe-base-servings", description: `The recipe is for ${base} servings`, steps: [{ action: "goto", path: page.path }, { action: "expectValue", label: "Recipe serves", value: String(base) }] },
    {
      key: "scale",
      id: "recipe-scales",
      description: `${double} servings → 400 g flour and 6 eggs; ${half} → 100 g flour and 1.5 eggs`,
      steps: [
        { action: "goto", path: page.path }, ...add,
        { action: "fill", label: "Servings", value: String(double) },
        { action: "expectText", text: "400 g flour", within: "Ingredients" }, { action: "expectText", text: "6 eggs", within: "Ingredients" },
        { action: "fill", label: "Servings", value: String(half) },
        { action: "expectText", text: "100 g flour", within: "Ingredients" }, { action: "expectText", text: "1.5 eggs", within: "Ingredients" },
        { action: "expectNoText", text: "200 g flour", within: "Ingredients" },
      ],
    },
  ];
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "list", test: (r) => r.kind === "entity" },
    { key: "base", test: (r, w) => r.kind === "field" && /serv|people|portion/.test(w) },
  ], "scale");
};

const currencyChecks: ToolChecks = (section, page, ctx) => {
  const currencies = (Array.isArray(section.config.currencies) && section.config.currencies.length >= 2 ? section.config.currencies : ["EUR", "USD", "GBP"]).map(String);
  const [base, second] = currencies as [string, string];
  const editable = section.config.editableRates !== false;
  const rate = editable ? 1.25 : exampleRates(currencies, base)[second]!;
  const convertSteps = (amount: string, from: string, to: string): Step[] => [{ action: "fill", label: "Amount", value: amount }, { action: "select", label: "From", value: from }, { action: "select", label: "To", value: to }, { action: "click", role: "button", name: "Convert" }];
  const setRate: Step[] = editable ? [{ action: "fill", label: `${second} per 1 ${base}`, value: "1.25" }] : [];
  const drafts: Draft[] = [
    {
      key: "convert",
      id: "currency-convert",
      description: `With the rate shown (1 ${base} = ${rate} ${second}), 100 ${base} → ${(100 * rate).toFixed(2)} ${second}, and back`,
      steps: [{ action: "goto", path: page.path }, ...setRate, ...convertSteps("100", base, second), { action: "expectValue", label: "Result", value: `${(100 * rate).toFixed(2)} ${second}` }, ...convertSteps(String(100 * rate), second, base), { action: "expectValue", label: "Result", value: `100.00 ${base}` }],
    },
    { key: "currencies", id: "currency-choices", description: `${currencies.join(", ")} can be chosen on both sides`, steps: [{ action: "goto", path: page.path }, ...currencies.flatMap((c) => [{ action: "select", label: "From", value: c }, { action: "select", label: "To", value: c }] as Step[])] },
  ];
  if (section.config.history) {
    drafts.push({
      key: "history",
      id: "currency-history",
      description: "Two conversions are listed newest first and kept after a reload",
      steps: [
        { action: "goto", path: page.path }, ...setRate,
        ...convertSteps("100", base, second), ...convertSteps("20", base, second),
        { action: "expectOrder", texts: [`20.00 ${base}`, `100.00 ${base}`], within: "Conversions" },
        { action: "reload" },
        { action: "expectOrder", texts: [`20.00 ${base}`, `100.00 ${base}`], within: "Conversions" },
      ],
    });
  }
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "history", test: (r, w) => r.kind === "entity" || /history|log/.test(w) },
    { key: "currencies", test: (r) => r.kind === "content" },
  ], "convert");
};

const calculatorChecks: ToolChecks = (section, page, ctx) =>
  finish([{
    key: "calc",
    id: "calculator-precedence",
    description: "2 + 3 × 4 = 14, and 7 ÷ 0 says it cannot divide by zero",
    steps: [
      { action: "goto", path: page.path },
      ...["2", "Add", "3", "Multiply", "4", "Equals"].map((name) => ({ action: "click", role: "button", name }) as Step),
      { action: "expectValue", label: "Result", value: "14" },
      ...["7", "Divide", "0", "Equals"].map((name) => ({ action: "click", role: "button", name }) as Step),
      { action: "expectText", text: "Cannot divide by zero" },
    ],
  }], requirementsOf(section, ctx), [], "calc");

const percentageChecks: ToolChecks = (section, page, ctx) => {
  const group = (name: string, fills: [string, string][], label: string, value: string): Step[] => [
    ...fills.map(([field, text]) => ({ action: "fill", label: field, value: text, within: name }) as Step),
    { action: "expectValue", label, value, within: name },
  ];
  return finish([{
    key: "percent",
    id: "percentage-three-ways",
    description: "15% of 80 → 12; 30 of 120 → 25%; from 50 to 65 → +30%",
    steps: [
      { action: "goto", path: page.path },
      ...group("Percent of a number", [["Percent (%)", "15"], ["Number", "80"]], "Result", "12"),
      ...group("Percentage of a total", [["Part", "30"], ["Total", "120"]], "Percentage", "25%"),
      ...group("Percentage change", [["From", "50"], ["To", "65"]], "Change", "+30%"),
      ...group("Percentage change", [["From", "80"], ["To", "60"]], "Change", "-25%"),
    ],
  }], requirementsOf(section, ctx), [], "percent");
};

const ageChecks: ToolChecks = (section, page, ctx) =>
  finish([{
    key: "age",
    id: "age-from-date-of-birth",
    description: "Born 15 March 1990, on 10 March 2026 → 35 years (36 in 5 days)",
    steps: [
      { action: "clock", at: CHECK_MORNING },
      { action: "goto", path: page.path },
      { action: "fill", label: "Date of birth", value: "1990-03-15" },
      { action: "expectValue", label: "Age", value: "35 years" },
      { action: "expectValue", label: "Exact age", value: "35 years, 11 months, 23 days" },
      { action: "expectValue", label: "Next birthday", value: "In 5 days" },
      { action: "fill", label: "Age on", value: "2026-03-15" },
      { action: "expectValue", label: "Age", value: "36 years" },
      { action: "expectValue", label: "Next birthday", value: "Today!" },
    ],
  }], requirementsOf(section, ctx), [], "age");

const toolGenerators: Record<string, ToolChecks> = {
  "unit-converter": unitConverterChecks,
  "currency-converter": currencyChecks,
  "tip-split": tipChecks,
  bmi: bmiChecks,
  mortgage: mortgageChecks,
  "word-counter": wordCounterChecks,
  "password-generator": passwordChecks,
  "recipe-scaler": recipeChecks,
  calculator: calculatorChecks,
  percentage: percentageChecks,
  "age-calculator": ageChecks,
};

export const toolChecks: SectionCheckGenerator<"tool"> = (section, page, ctx) => {
  const generate = toolGenerators[section.tool];
  if (!generate) return [];
  // A tool's fields and results are found within its section, so two tools on a page never mix.
  return generate(section, page, ctx).map((check) => ({ ...check, steps: check.steps.map((step) => withinSection(step, section.title)) }));
};

/** Scopes a step to the section unless it already names a container inside it. */
function withinSection(step: Step, title: string | undefined): Step {
  if (!title || !("label" in step || "name" in step || "text" in step || "texts" in step) || step.action === "expectTitle" || step.action === "expectChart") return step;
  if ("within" in step && step.within) return step;
  return { ...step, within: title } as Step;
}

// ─── Timers ──────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
/** A fixed, ordinary morning for clocked checks (a Tuesday, far from month ends and DST changes). */
const CHECK_MORNING = "2026-03-10T09:00";

function pomodoroChecks(section: Section<"timer">, page: TPlanPage, ctx: CheckContext): Check[] {
  const within = scope(section);
  const work = section.workMinutes ?? 25;
  const rest = section.breakMinutes ?? 5;
  const long = section.longBreakMinutes ?? 15;
  const every = section.longBreakEvery ?? 4;
  const clock = (minutes: number) => `${String(Math.floor(minutes)).padStart(2, "0")}:${String(Math.round((minutes % 1) * 60)).padStart(2, "0")}`;
  const start: Step[] = [{ action: "clock", at: CHECK_MORNING }, { action: "goto", path: page.path }];
  const timeLeft = (minutes: number): Step => ({ action: "expectValue", label: "Time left", value: clock(minutes), ...within });
  const phase = (name: string): Step => ({ action: "expectValue", label: "Phase", value: name, ...within });
  const click = (name: string): Step => ({ action: "click", role: "button", name, ...within });
  const pass = (minutes: number): Step => ({ action: "advanceClock", ms: Math.round(minutes * MINUTE) });
  // A running clock is read by its first digits: the page's time keeps flowing between steps, so
  // "24:5" (24:50–24:59) says it is counting without betting on the exact second. A phase's
  // length is read exactly after Reset, which stops the clock at the full length.
  const running = (minutes: number): Step => ({ action: "expectValue", label: "Time left", value: clock(minutes - 1 / 60).slice(0, 4), ...within });
  const lengthOf = (minutes: number): Step[] => [{ action: "advanceClock", ms: 10_000 }, running(minutes), click("Reset"), timeLeft(minutes)];
  const drafts: Draft[] = [
    {
      key: "controls",
      id: "pomodoro-start-pause-reset",
      description: `Start counts down each second, Pause stops it, Reset returns to ${clock(work)}`,
      steps: [...start, timeLeft(work), phase("Work"), click("Start"), { action: "advanceClock", ms: 1000 }, running(work), click("Pause"), { action: "advanceClock", ms: MINUTE }, running(work), click("Reset"), timeLeft(work)],
    },
    {
      key: "lengths",
      id: "pomodoro-work-then-break",
      description: `After ${work} minutes of work a ${clock(rest)} break starts by itself, then work again at ${clock(work)}`,
      steps: [...start, click("Start"), pass(work), phase("Break"), { action: "expectText", text: `time for a ${rest}-minute break`, ...within }, ...lengthOf(rest), click("Start"), pass(rest), phase("Work"), timeLeft(work)],
    },
  ];
  const cycle: Step[] = [...start];
  for (let round = 1; round <= every; round++) {
    cycle.push(click("Start"), pass(work));
    if (round < every) cycle.push(phase("Break"), pass(rest));
  }
  cycle.push(phase("Long break"), { action: "expectText", text: `time for a ${long}-minute long break`, ...within }, ...lengthOf(long), click("Start"), pass(long), phase("Work"), { action: "expectText", text: `Round 1 of ${every}`, ...within });
  drafts.push({ key: "long", id: "pomodoro-long-break", description: `After the ${every}th work session the break is ${clock(long)}, then the rounds start again`, steps: cycle });
  if (section.sound) drafts.push({ key: "sound", id: "pomodoro-sound", description: "When time is up, a sound plays", steps: [...start, click("Start"), pass(work), { action: "expectText", text: "Sound played", ...within }] });
  if (section.countToday) {
    drafts.push({
      key: "today",
      id: "pomodoro-count-today",
      description: "Two finished work sessions → 2 today; still 2 after a reload; 0 the next day",
      steps: [...start, { action: "expectValue", label: "Pomodoros today", value: "0", ...within }, click("Start"), pass(work), pass(rest), click("Start"), pass(work), { action: "expectValue", label: "Pomodoros today", value: "2", ...within }, { action: "reload" }, { action: "expectValue", label: "Pomodoros today", value: "2", ...within }, pass(24 * 60), { action: "expectValue", label: "Pomodoros today", value: "0", ...within }],
    });
  }
  if (section.editable) {
    const longer = work === 50 ? 45 : 50;
    const longerBreak = rest === 10 ? 8 : 10;
    drafts.push({
      key: "editable",
      id: "pomodoro-lengths-kept",
      description: `Work set to ${longer} and breaks to ${longerBreak} minutes apply and are kept after a reload`,
      steps: [
        ...start,
        { action: "fill", label: "Work (minutes)", value: String(longer), ...within },
        { action: "fill", label: "Break (minutes)", value: String(longerBreak), ...within },
        timeLeft(longer),
        { action: "reload" },
        { action: "expectValue", label: "Work (minutes)", value: String(longer), ...within },
        timeLeft(longer),
        click("Start"), pass(longer), phase("Break"), click("Reset"), timeLeft(longerBreak),
      ],
    });
  }
  if (section.logEntity) {
    const entity = ctx.plan.entities.find((e) => e.name === section.logEntity);
    const note = entity?.fields.find((f) => f.type === "string" || f.type === "text");
    const listPage = ctx.plan.pages.find((p) => (p.sections ?? []).some((s) => s.type === "records" && s.entity === section.logEntity));
    if (entity && note) {
      drafts.push({
        key: "log",
        id: "pomodoro-session-log",
        description: `A finished work session is logged with "${note.label}" and kept after a reload`,
        steps: [
          ...start,
          { action: "fill", label: note.label, value: "Thesis chapter 2", ...within },
          click("Start"), pass(work),
          { action: "expectText", text: "Logged “Thesis chapter 2”", ...within },
          ...(listPage ? [{ action: "goto", path: listPage.path } as Step] : [{ action: "reload" } as Step]),
          ...(listPage ? [{ action: "reload" } as Step, { action: "expectText", text: "Thesis chapter 2" } as Step] : []),
        ],
      });
    }
  }
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "long", test: (_r, w) => /long break/.test(w) },
    { key: "sound", test: (_r, w) => /sound|beep|chime|alarm/.test(w) },
    { key: "today", test: (_r, w) => /today|count|how many/.test(w) },
    { key: "editable", test: (_r, w) => /change|adjust|custom|set .*length|lengths/.test(w) },
    { key: "log", test: (r, w) => r.kind === "entity" || r.kind === "field" || /log|worked on/.test(w) },
    { key: "lengths", test: (r, w) => r.kind === "content" && /minute|\d/.test(w) },
  ], "controls");
}

/** "2026-09-01T09:00" (or "…T08:59:30") for a Date, as a clock step wants it. */
function clockAt(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}${date.getSeconds() ? `:${pad(date.getSeconds())}` : ""}`;
}

function dateCountdownChecks(section: Section<"timer">, page: TPlanPage, ctx: CheckContext): Check[] {
  const target = section.target!;
  const within = scope(section);
  // Checks run in a fixed year, so their expectations do not depend on the day QA runs.
  const reference = new Date(2026, 0, 1, 9, 0);
  const next = countdownTarget(target, reference);
  if (!next) return [];
  // Half a minute before 09:00: the page's clock runs on between steps, and 30 s of slack keeps
  // the hours and minutes read here steady.
  const before = new Date(next.getFullYear(), next.getMonth(), next.getDate() - 11, 8, 59, 30);
  const left = splitDuration(next.getTime() - before.getTime());
  const drafts: Draft[] = [{
    key: "counts",
    id: "countdown-days-left",
    description: `11 days before ${formatLongDate(next)}: 11 days to go, ${left.days} days ${left.hours} hours exactly, and counting down`,
    steps: [
      { action: "clock", at: clockAt(before) },
      { action: "goto", path: page.path },
      { action: "expectValue", label: "Days to go", value: "11", ...within },
      { action: "expectText", text: formatLongDate(next), ...within },
      { action: "expectValue", label: "Days", value: String(left.days), ...within },
      { action: "expectValue", label: "Hours", value: String(left.hours), ...within },
      { action: "expectValue", label: "Minutes", value: String(left.minutes), ...within },
      { action: "advanceClock", ms: MINUTE },
      { action: "expectValue", label: "Minutes", value: String((left.minutes + 59) % 60), ...within },
    ],
  }];
  if (/^\d{2}-\d{2}$/.test(target)) {
    const after = new Date(next.getFullYear(), next.getMonth(), next.getDate() + 19, 9, 0);
    const following = countdownTarget(target, after)!;
    drafts.push({
      key: "date",
      id: "countdown-next-year-once-past",
      description: `Once this year's date has passed, it counts down to ${formatLongDate(following)}`,
      steps: [
        { action: "clock", at: clockAt(after) },
        { action: "goto", path: page.path },
        { action: "expectText", text: formatLongDate(following), ...within },
        { action: "expectValue", label: "Days to go", value: String(calendarDaysUntil(following, after)), ...within },
      ],
    });
  }
  if (section.title) drafts.push({ key: "subject", id: "countdown-heading", description: `The heading says what it counts down to: "${section.title}"`, steps: [{ action: "goto", path: page.path }, { action: "expectElement", role: "heading", name: section.title }] });
  return finish(drafts, requirementsOf(section, ctx), [
    { key: "date", test: (r, w) => r.kind === "content" && /\d/.test(w) },
    { key: "subject", test: (r) => r.kind === "content" },
  ], "counts");
}

export const timerChecks: SectionCheckGenerator<"timer"> = (section, page, ctx) => {
  const within = scope(section);
  if (section.mode === "pomodoro") return pomodoroChecks(section, page, ctx);
  if (section.mode === "countdown" && section.target) return dateCountdownChecks(section, page, ctx);
  if (section.mode === "countdown") {
    return finish([{
      key: "countdown",
      id: "countdown-times-up",
      description: "A 1-minute countdown says time's up after a minute",
      steps: [{ action: "clock", at: CHECK_MORNING }, { action: "goto", path: page.path }, { action: "fill", label: "Minutes", value: "1", ...within }, { action: "fill", label: "Seconds", value: "0", ...within }, { action: "expectValue", label: "Time left", value: "01:00", ...within }, { action: "click", role: "button", name: "Start", ...within }, { action: "advanceClock", ms: MINUTE }, { action: "expectText", text: "Time's up!", ...within }],
    }], requirementsOf(section, ctx), [], "countdown");
  }
  return finish([{
    key: "stopwatch",
    id: "stopwatch-runs-and-laps",
    description: "The stopwatch runs, records a lap and stops",
    // Read to the ten seconds ("01:0" is 01:00–01:09): the page's clock also runs between steps.
    steps: [{ action: "clock", at: CHECK_MORNING }, { action: "goto", path: page.path }, { action: "click", role: "button", name: "Start", ...within }, { action: "advanceClock", ms: 61_000 }, { action: "click", role: "button", name: "Lap", ...within }, { action: "click", role: "button", name: "Pause", ...within }, { action: "advanceClock", ms: MINUTE }, { action: "expectValue", label: "Elapsed", value: "01:0", ...within }, { action: "expectText", text: "Lap 1: 01:0", within: "Laps" }],
  }], requirementsOf(section, ctx), [], "stopwatch");
};
