// A quiz's questions from its source (a bundled data set, the times-table generator, questions
// written in the plan, or records the user keeps), answer checking and the score line.
//
// Rounds are deterministic: data sets and times tables are shuffled with a seed made of the
// source and the round number (1 for a fresh app, then 2, 3… as the user plays again), so an
// acceptance check can know exactly what round 1 asks, and a user still gets a new order each
// round. Questions written by the user or the plan keep their author's order.
import { hashSeed, seededRandom, shuffled } from "./random.js";
import { plural } from "./format.js";

/**
 * @typedef {{ prompt: string, answer: string, accept?: string[], display?: string, kind?: string, caseSensitive?: boolean }} QuizItem
 * @typedef {{ id: string, title: string, items: QuizItem[] }} Dataset
 * @typedef {QuizItem & { options?: string[] }} Question
 */

const OPTION_COUNT = 4;
/** Times tables run from 1 × n to 12 × n, as schools teach them. */
const MULTIPLIERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Accents, case, punctuation and spacing do not make an answer wrong: "reykjavik" is "Reykjavík". */
export function normalizeAnswer(text, caseSensitive) {
  const plain = String(text === null || text === undefined ? "" : text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[-\u2010-\u2014]/g, " ")
    .replace(/[.,'\u2018\u2019\u02bb`"!?]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const cased = caseSensitive ? plain : plain.toLowerCase();
  return cased.replace(/^the /i, "");
}

function asNumber(text) {
  const cleaned = String(text).trim().replace(/\s+/g, "").replace(/,(?=\d{3}\b)/g, "");
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

/** Whether `given` answers `question`: numbers by value, words by `normalizeAnswer`, alternatives accepted. */
export function isCorrect(question, given) {
  const expectedNumber = asNumber(question.answer);
  if (expectedNumber !== null) return asNumber(given) === expectedNumber;
  const wanted = normalizeAnswer(given, question.caseSensitive);
  if (!wanted) return false;
  return [question.answer, ...(question.accept || [])].some((answer) => normalizeAnswer(answer, question.caseSensitive) === wanted);
}

/** The answer plus three wrong ones of the same kind, in a shuffled order. */
function optionsFor(item, items, random) {
  const seen = new Set([normalizeAnswer(item.answer, item.caseSensitive), ...(item.accept || []).map((a) => normalizeAnswer(a, item.caseSensitive))]);
  /** @type {string[]} */
  const pool = [];
  for (const other of items) {
    if ((other.kind || "") !== (item.kind || "")) continue;
    const key = normalizeAnswer(other.answer, other.caseSensitive);
    if (seen.has(key)) continue;
    seen.add(key);
    pool.push(other.answer);
  }
  return shuffled([item.answer, ...shuffled(pool, random).slice(0, OPTION_COUNT - 1)], random);
}

/**
 * A round of `count` questions from a data set, each with four options.
 * @param {Dataset} dataset
 * @param {number} count
 * @param {number} round 1 for the first round
 * @returns {Question[]}
 */
export function datasetQuestions(dataset, count, round) {
  const random = seededRandom(hashSeed(dataset.id + ":" + round));
  const picked = shuffled(dataset.items, random).slice(0, Math.max(1, Math.min(count, dataset.items.length)));
  return picked.map((item) => ({ ...item, options: optionsFor(item, dataset.items, random) }));
}

/**
 * A round of times-table questions: one table (each multiplier 1–12 once, in a shuffled order,
 * again reshuffled past 12 questions), or a mix of `tables` when `table` is null.
 * @param {{ tables: number[], table: number | null, questions: number, round: number }} options
 * @returns {Question[]}
 */
export function timesTableQuestions({ tables, table, questions, round }) {
  const random = seededRandom(hashSeed("times-" + (table === null ? tables.join("-") : table) + ":" + round));
  /** @type {[number, number][]} */
  const pairs = [];
  if (table !== null) {
    while (pairs.length < questions) for (const m of shuffled(MULTIPLIERS, random)) pairs.push([table, m]);
  } else {
    while (pairs.length < questions) pairs.push([tables[Math.floor(random() * tables.length)], MULTIPLIERS[Math.floor(random() * MULTIPLIERS.length)]]);
  }
  return pairs.slice(0, questions).map(([a, b]) => ({ prompt: a + " × " + b + " = ?", answer: String(a * b) }));
}

/**
 * Questions written in the plan, in their order; multiple choice when they list options.
 * @param {{ prompt: string, answer: string, options?: string[] }[]} questions
 * @returns {Question[]}
 */
export function inlineQuestions(questions) {
  return questions.map((q) => ({ prompt: q.prompt, answer: q.answer, ...(q.options && q.options.length ? { options: q.options.includes(q.answer) ? q.options : [...q.options, q.answer] } : {}) }));
}

/**
 * Questions from the user's records, in the order they were added; records missing either side are skipped.
 * @param {Record<string, unknown>[]} records
 * @param {string} promptField
 * @param {string} answerField
 * @returns {Question[]}
 */
export function recordQuestions(records, promptField, answerField) {
  const text = (value) => (value === null || value === undefined ? "" : String(value).trim());
  return records.filter((r) => text(r[promptField]) && text(r[answerField])).map((r) => ({ prompt: text(r[promptField]), answer: text(r[answerField]) }));
}

/**
 * The final score as the plan asks for it: "3 / 10", "30%" or "3 stars".
 * @param {"fraction" | "percent" | "stars"} format
 */
export function scoreText(format, correct, total) {
  if (format === "percent") return (total ? Math.round((100 * correct) / total) : 0) + "%";
  if (format === "stars") return plural(correct, "star");
  return correct + " / " + total;
}
