// What a site's owner writes inline about the business: what it sells with the prices ("We sell
// sourdough £4.50, croissants £2.20 and cinnamon buns £2.80", "we do haircuts for $25 and beard
// trims for $10", "coffee 2.50 EUR") and when it is open ("Open Tue-Sat 8am-3pm", "Mon–Fri 9-5",
// "open weekends 10am to 4pm", "closed Sundays"). The words are catalog data (catalog/sites.ts);
// the readers return the items and rows with the tokens they were read from.
import { currencySymbols, currencyWords, dayWords, openWords, priceListVerbs, rangeWords } from "../catalog/sites";
import type { Token } from "./tokens";

export type PricedItem = { name: string; price: string; from: number; to: number };
export type PriceList = { items: PricedItem[]; heading?: string; from: number; to: number };

const stops = new Set([",", ".", ";", "!", "?", ":", "(", ")", "and", "&", "or", "/", "+", "plus", "also", "then"]);
const priceJoiners = new Set(["for", "at", "is", "are", "costs", "cost", "-", "–", "—", ":", "just", "only", "from", "@", "="]);
const pronouns = new Set(["we", "i", "they", "you", "also", "and"]);

/** A price starting at token `at` ("£" "4.50", "2.50" "EUR"): its text and where it ends. */
function priceAt(tokens: Token[], at: number): { text: string; to: number } | undefined {
  const t = tokens[at];
  const next = tokens[at + 1];
  if (!t || !next) return undefined;
  if (currencySymbols.includes(t.text) && next.isNumber && next.start === t.end) return { text: `${t.text}${next.text}`, to: at + 2 };
  if (t.isNumber && currencyWords.includes(next.word)) return { text: `${t.text} ${next.word.length === 3 ? next.text.toUpperCase() : next.text}`, to: at + 2 };
  return undefined;
}

/** The price lists in tokens `from`..`to`, one per sentence that names at least one priced item. */
export function readPriceLists(tokens: Token[], from = 0, to = tokens.length): PriceList[] {
  const lists: PriceList[] = [];
  let current: PriceList | undefined;
  let lastEnd = from;
  for (let at = from; at < to; at++) {
    if (/^[.;!?]$/.test(tokens[at]!.text)) {
      current = undefined;
      lastEnd = at + 1;
      continue;
    }
    const price = priceAt(tokens, at);
    if (!price) continue;
    // The item's words run back from the price to a comma, "and", a verb of selling or the previous price.
    let end = at;
    while (end > lastEnd && priceJoiners.has(tokens[end - 1]!.word)) end--;
    let start = end;
    while (start > lastEnd && end - start < 4 && tokens[start - 1]!.isWord && !stops.has(tokens[start - 1]!.word) && !priceListVerbs[tokens[start - 1]!.lemma] && !pronouns.has(tokens[start - 1]!.word)) start--;
    lastEnd = price.to;
    if (start === end) continue;
    const words = tokens.slice(start, end);
    const name = words.map((t, i) => (i > 0 && words[i - 1]!.end === t.start ? t.text : ` ${t.text}`)).join("").trim();
    const item = { name: name[0]!.toUpperCase() + name.slice(1), price: price.text, from: start, to: price.to };
    if (!current) {
      // "We sell …", "we do …", "I also offer …": the verb and who says it belong to the list.
      let listFrom = start;
      let heading: string | undefined;
      const verb = tokens[start - 1];
      if (verb && priceListVerbs[verb.lemma]) {
        heading = priceListVerbs[verb.lemma];
        listFrom = start - 1;
        while (listFrom > 0 && pronouns.has(tokens[listFrom - 1]!.word) && tokens[listFrom - 1]!.word !== "and") listFrom--;
      }
      current = { items: [], heading, from: listFrom, to: item.to };
      lists.push(current);
    }
    current.items.push(item);
    current.to = item.to;
    at = price.to - 1;
  }
  return lists;
}

// ─── Opening hours ───────────────────────────────────────────────────────────

export type HoursRow = { days: string; hours: string; from: number; to: number };
export type OpeningHours = { rows: HoursRow[]; from: number; to: number };

function dayOf(token: Token | undefined): string | undefined {
  if (!token?.isWord) return undefined;
  return dayWords[token.word] ?? dayWords[token.lemma] ?? dayWords[token.word.replace(/s$/, "")];
}

/** Days from token `at`: "Tue-Sat", "Mon – Fri", "Monday to Friday", "Saturday and Sunday", "weekends", "every day". */
function readDays(tokens: Token[], at: number): { label: string; to: number } | undefined {
  const t = tokens[at];
  if (!t?.isWord) return undefined;
  if (["every", "all", "7"].includes(t.word) && ["day", "week"].includes(tokens[at + 1]?.lemma ?? "")) return { label: "Every day", to: at + 2 };
  // One token with a hyphen: "tue-sat".
  const parts = t.word.split("-");
  if (parts.length === 2 && dayWords[parts[0]!] && dayWords[parts[1]!]) return { label: `${dayWords[parts[0]!]} – ${dayWords[parts[1]!]}`, to: at + 1 };
  const first = dayOf(t);
  if (!first) return undefined;
  if (rangeWords.includes(tokens[at + 1]?.word ?? "") && dayOf(tokens[at + 2])) return { label: `${first} – ${dayOf(tokens[at + 2])}`, to: at + 3 };
  const days = [first];
  let to = at + 1;
  while ([",", "and", "&", "/"].includes(tokens[to]?.word ?? "") && dayOf(tokens[to + 1]) && days.length < 4) {
    days.push(dayOf(tokens[to + 1])!);
    to += 2;
  }
  const label = days.length === 1 ? first : `${days.slice(0, -1).join(", ")} & ${days.at(-1)}`;
  return { label, to };
}

type Time = { hour: number; minute: number; suffix?: "am" | "pm"; clock24: boolean };

function readTime(tokens: Token[], at: number): { time: Time; to: number } | undefined {
  const t = tokens[at];
  if (!t) return undefined;
  if (t.word === "noon" || t.word === "midday") return { time: { hour: 12, minute: 0, suffix: "pm", clock24: false }, to: at + 1 };
  if (t.word === "midnight") return { time: { hour: 12, minute: 0, suffix: "am", clock24: false }, to: at + 1 };
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(t.text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour > 24 || minute > 59) return undefined;
  const next = tokens[at + 1]?.word.replace(/\./g, "");
  const suffix = next === "am" || next === "pm" ? next : undefined;
  return { time: { hour, minute, suffix, clock24: !suffix && (hour > 12 || hour === 0 || (!!match[2] && t.text.includes(":") && hour >= 10)) }, to: suffix ? at + 2 : at + 1 };
}

const twelveHour = (time: Time, suffix: "am" | "pm"): string => `${time.hour}${time.minute ? `:${String(time.minute).padStart(2, "0")}` : ""}${suffix}`;

/** "8am – 3pm", "9am – 5pm" (from "9-5"), "09:00 – 17:30". */
function timesText(start: Time, end: Time): string {
  if (start.clock24 || end.clock24) {
    const hhmm = (t: Time) => `${String(t.suffix === "pm" && t.hour < 12 ? t.hour + 12 : t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
    return `${hhmm(start)} – ${hhmm(end)}`;
  }
  const endSuffix = end.suffix ?? (end.hour <= start.hour || end.hour < 8 || end.hour === 12 ? "pm" : "am");
  const startSuffix = start.suffix ?? (start.hour === 12 ? "pm" : start.hour < end.hour && endSuffix === "pm" && start.hour < 8 ? "pm" : "am");
  return `${twelveHour(start, startSuffix)} – ${twelveHour(end, endSuffix)}`;
}

/** Times from token `at`: "8am-3pm", "9-5", "10am to 4pm", "from 9:30 until 17:00". */
function readTimes(tokens: Token[], at: number): { label: string; to: number } | undefined {
  const start = tokens[at]?.word === "from" ? at + 1 : at;
  const a = readTime(tokens, start);
  if (!a || !rangeWords.includes(tokens[a.to]?.word ?? "")) return undefined;
  const b = readTime(tokens, a.to + 1);
  if (!b) return undefined;
  return { label: timesText(a.time, b.time), to: b.to };
}

/**
 * Opening hours in tokens `from`..`to`: rows of days with their times ("Tue-Sat 8am-3pm") or
 * closed ("closed Sundays", "Mondays closed"), one list per sentence. Without a word saying they
 * are opening hours ("open", "hours", "closed"), rows are read only when `bare` allows it.
 */
export function readOpeningHours(tokens: Token[], from = 0, to = tokens.length, bare = false): OpeningHours[] {
  const lists: OpeningHours[] = [];
  let current: OpeningHours | undefined;
  let sentenceFrom = from;
  for (let at = from; at < to; at++) {
    const t = tokens[at]!;
    if (/^[.;!?]$/.test(t.text)) {
      current = undefined;
      sentenceFrom = at + 1;
      continue;
    }
    let row: HoursRow | undefined;
    const closedFirst = ["closed", "shut"].includes(t.word);
    if (closedFirst) {
      const daysAt = tokens[at + 1]?.word === "on" || tokens[at + 1]?.word === "all" ? at + 2 : at + 1;
      const days = readDays(tokens, daysAt);
      if (days) row = { days: days.label, hours: "Closed", from: at, to: days.to };
    } else {
      const days = readDays(tokens, at);
      if (days) {
        const timesAt = [":", ",", "-", "–"].includes(tokens[days.to]?.word ?? "") ? days.to + 1 : days.to;
        const times = readTimes(tokens, timesAt);
        if (times) row = { days: days.label, hours: times.label, from: at, to: times.to };
        else if (["closed", "shut"].includes(tokens[days.to]?.word ?? "")) row = { days: days.label, hours: "Closed", from: at, to: days.to + 1 };
      }
    }
    if (!row) continue;
    if (!current) {
      let listFrom = row.from;
      // "Open Tue-Sat …", "we're open Mondays …", "opening hours: …", "open on …".
      for (let back = row.from - 1; back >= sentenceFrom && row.from - back <= 4; back--) {
        const w = tokens[back]!.word;
        if (openWords.includes(w) || ["we're", "we", "are", "i'm", "on", "from", ":", "opening", "is"].includes(w)) {
          if (openWords.includes(w)) listFrom = back;
        } else break;
      }
      if (listFrom > sentenceFrom && ["we're", "we", "are", "i'm"].includes(tokens[listFrom - 1]!.word)) {
        while (listFrom > sentenceFrom && ["we're", "we", "are", "i'm"].includes(tokens[listFrom - 1]!.word)) listFrom--;
      }
      current = { rows: [], from: listFrom, to: row.to };
      lists.push(current);
    }
    current.rows.push(row);
    current.to = row.to;
    at = row.to - 1;
  }
  // Rows with no word saying they are hours count only where the caller allows it.
  return lists.filter((list) => bare || list.rows.some((r) => r.hours === "Closed") || tokens.slice(Math.max(0, list.from - 1), list.to).some((t) => openWords.includes(t.word)));
}
