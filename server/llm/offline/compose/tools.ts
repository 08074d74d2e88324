// Single-purpose apps: calculators, converters and generators (a `tool` section), timers and
// countdowns (a `timer` section). Each sub-ask the prompt makes ("both directions", "copy
// button", "long break after 4 rounds") becomes its own requirement and a config value.
import { currencyWords, toolConcepts, unitWords, type ToolConcept, unitDimensions } from "../catalog/tools";
import { monthNames } from "../catalog/content";
import { timerPatterns } from "../catalog/app-shapes";
import { findAny, findPattern } from "../understand/match-pattern";
import { addSection, isClaimed, pageFor, requirement, type Draft } from "./draft";

type Config = ToolConcept["config"];

// "tells you if you're underweight, healthy, overweight": the ask and its list of categories.
const bmiCategory = "underweight|overweight|healthy|obese|normal";
const bmiCategoryPatterns = [`tell|tells|say|says|show|shows you? if|whether … ${bmiCategory} … ${bmiCategory} … ${bmiCategory}`, `tell|tells|say|says|show|shows you? if|whether … ${bmiCategory}`, `${bmiCategory} … ${bmiCategory} … ${bmiCategory}`, `${bmiCategory} … ${bmiCategory}`];

/** Finds a phrase, makes it a requirement and returns whether it was there. */
function ask(draft: Draft, patterns: string[], kind: Parameters<typeof requirement>[1], text: string, ids: string[]): boolean {
  const hit = findAny(draft.reading.tokens, patterns);
  if (!hit) return false;
  ids.push(requirement(draft, kind, text, hit.from, hit.to));
  return true;
}

function configure(draft: Draft, tool: ToolConcept, config: Config, ids: string[]): void {
  const { tokens } = draft.reading;
  switch (tool.id) {
    case "unit-converter": {
      const pairs: string[] = [];
      for (let i = 0; i + 2 < tokens.length; i++) {
        const from = unitWords[tokens[i]!.word];
        if (!from || !["to", "into", "and", "/"].includes(tokens[i + 1]!.word)) continue;
        const to = unitWords[tokens[i + 2]!.word];
        if (!to || to === from || unitDimensions[to] !== unitDimensions[from]) continue;
        pairs.push(`${from}-${to}`);
        ids.push(requirement(draft, "computed", `Converts ${tokens[i]!.text} to ${tokens[i + 2]!.text}`, i, i + 3));
      }
      if (pairs.length) config.pairs = pairs;
      config.bothDirections = ask(draft, ["both directions|ways", "and back", "either direction|way", "reverse"], "interaction", "Converts in both directions", ids) || pairs.length === 0;
      break;
    }
    case "currency-converter": {
      const codes = [...new Set(tokens.map((t) => currencyWords[t.word]).filter((c): c is string => !!c))];
      const first = tokens.findIndex((t) => currencyWords[t.word]);
      const last = tokens.findLastIndex((t) => currencyWords[t.word]);
      if (codes.length >= 2) {
        config.currencies = codes;
        ids.push(requirement(draft, "content", `Converts between ${codes.join(", ")}`, first, last + 1));
      }
      config.history = ask(draft, ["history|log|list of? my? conversion|conversions", "history"], "entity", "Keeps a history of conversions, newest first", ids);
      break;
    }
    case "tip-split":
      config.split = ask(draft, ["split|splits|splitting … between|among|by … people|person|persons|everyone|friends|ways", "split|splits|splitting … bill|between|people|person|ways", "per person", "between # people"], "computed", "Splits the total between people", ids);
      break;
    case "bmi":
      if (ask(draft, ["metric and imperial", "imperial", "pounds|lb and? feet|inches"], "interaction", "Works in metric and imperial units", ids)) config.units = ["metric", "imperial"];
      config.categories = ask(draft, [...bmiCategoryPatterns, "category|categories", "tells you if"], "computed", "Says whether the BMI is underweight, healthy or overweight", ids) || true;
      break;
    case "mortgage":
      for (const [patterns, text] of [[["loan amount", "amount borrowed", "principal"], "Enter the loan amount"], [["interest rate", "rate"], "Enter the interest rate"], [["term in? years?", "number of years", "years"], "Enter the term in years"]] as const) ask(draft, [...patterns], "field", text, ids);
      ask(draft, ["monthly payment|payments|repayment|repayments"], "computed", "Shows the monthly payment", ids);
      config.showTotalInterest = ask(draft, ["total interest paid?"], "computed", "Shows the total interest paid", ids);
      config.amortization = ask(draft, ["amortization|amortisation table|schedule by|per|each|every year", "amortization|amortisation table|schedule … year?", "amortization|amortisation", "table by year", "year by year"], "view", "Shows an amortization table by year", ids);
      break;
    case "word-counter":
      config.characters = ask(draft, ["character|characters|letter|letters count?"], "computed", "Counts characters", ids);
      config.readingTime = ask(draft, ["reading time", "time to read", "how long to read"], "computed", "Shows the reading time", ids);
      break;
    case "password-generator":
      config.chooseLength = ask(draft, ["choose|choosing|pick|set|select length", "length"], "field", "Choose the password's length", ids);
      if (ask(draft, ["include|includes|with|add numbers|digits|symbols|uppercase /|and|or|, numbers|digits|symbols|uppercase", "number|numbers|digit|digits / symbols?", "include|includes numbers|digits|symbols", "symbol|symbols"], "field", "Choose whether to include numbers and symbols", ids)) Object.assign(config, { numbers: true, symbols: true, chooseCharacters: true });
      config.copy = ask(draft, ["copy button?", "copy to clipboard"], "interaction", "A button copies the password", ids);
      break;
    case "recipe-scaler": {
      const servings = findPattern(tokens, "for|serves|makes # serving|servings|people|portions")[0];
      if (servings) {
        config.baseServings = Number(tokens.slice(servings.from, servings.to).find((t) => t.isNumber)!.text);
        ids.push(requirement(draft, "field", `The recipe is written for ${config.baseServings} servings`, servings.from, servings.to));
      }
      ask(draft, ["ingredient|ingredients with amounts?", "ingredient|ingredients"], "entity", "Enter ingredients with their amounts", ids);
      ask(draft, ["change|set|adjust|enter|pick the? number of? servings|portions|people … recalc|recalculate|recalculates|rescale|scale|update|updates … the? amount|amounts|quantities", "change|set|adjust the? number of? servings|portions|people"], "computed", "Change the number of servings and every amount is recalculated", ids);
      break;
    }
    default:
      break;
  }
}

export function composeTool(draft: Draft): boolean {
  const { tokens } = draft.reading;
  let found: { tool: ToolConcept; from: number; to: number } | undefined;
  for (const tool of toolConcepts) {
    const hit = findAny(tokens, tool.patterns);
    if (hit && !isClaimed(draft, hit.from, hit.to) && (!found || hit.from < found.from)) found = { tool, from: hit.from, to: hit.to };
  }
  if (!found) return false;
  const { tool } = found;
  const ids = [requirement(draft, "computed", tool.text, found.from, found.to)];
  const config: Config = structuredClone(tool.config);
  configure(draft, tool, config, ids);
  const page = pageFor(draft, "/", tool.title, tool.text);
  addSection(draft, page, { type: "tool", title: tool.title, tool: tool.id, config, requirementIds: ids });
  draft.kind = "tool";
  draft.appName ??= { name: tool.appName, requirementIds: [ids[0]!] };
  return true;
}

function minutesBefore(draft: Draft, words: string[]): { minutes: number; from: number; to: number } | undefined {
  const { tokens } = draft.reading;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.isNumber) continue;
    let j = i + 1;
    if (["min", "mins", "minute", "minutes", "m"].includes(tokens[j]?.word ?? "")) j++;
    if (words.includes(tokens[j]?.lemma ?? "")) return { minutes: Number(tokens[i]!.text), from: i, to: j + 1 };
    // "work 25 min"
    if (words.includes(tokens[i - 1]?.lemma ?? "")) return { minutes: Number(tokens[i]!.text), from: i - 1, to: j };
  }
  return undefined;
}

export function composeTimer(draft: Draft): boolean {
  const { tokens } = draft.reading;
  const pomodoro = findAny(tokens, timerPatterns.pomodoro);
  const stopwatch = findAny(tokens, timerPatterns.stopwatch);
  const countdown = findAny(tokens, timerPatterns.countdown);
  const hit = pomodoro ?? stopwatch ?? countdown;
  if (!hit || isClaimed(draft, hit.from, hit.to)) return false;
  const mode = pomodoro ? "pomodoro" : stopwatch ? "stopwatch" : "countdown";
  const ids = [requirement(draft, "interaction", mode === "pomodoro" ? "A pomodoro timer you can start, pause and reset" : mode === "stopwatch" ? "A stopwatch" : "A countdown", hit.from, hit.to)];
  const section: Record<string, unknown> = { type: "timer", title: mode === "pomodoro" ? "Pomodoro" : mode === "stopwatch" ? "Stopwatch" : "Countdown", mode };
  if (mode === "pomodoro") {
    Object.assign(section, { workMinutes: 25, breakMinutes: 5, longBreakMinutes: 15, longBreakEvery: 4 });
    const slash = findPattern(tokens, "# / #")[0];
    const work = minutesBefore(draft, ["work", "focus", "session"]);
    const rest = minutesBefore(draft, ["break", "rest"]);
    if (slash) {
      section.workMinutes = Number(tokens[slash.from]!.text);
      section.breakMinutes = Number(tokens[slash.to - 1]!.text);
      ids.push(requirement(draft, "content", `${section.workMinutes} minutes of work, then a ${section.breakMinutes}-minute break`, slash.from, Math.min(tokens.length, slash.to + 1)));
    } else if (work || rest) {
      if (work) section.workMinutes = work.minutes;
      if (rest) section.breakMinutes = rest.minutes;
      const from = Math.min(work?.from ?? Infinity, rest?.from ?? Infinity);
      const to = Math.max(work?.to ?? 0, rest?.to ?? 0);
      ids.push(requirement(draft, "content", `${section.workMinutes} minutes of work, then a ${section.breakMinutes}-minute break`, from, to));
    }
    const long = findPattern(tokens, "long break … after|every # round|rounds|pomodoro|pomodoros|session|sessions")[0];
    if (long) {
      section.longBreakEvery = Math.max(2, Math.min(12, Number(tokens.slice(long.from, long.to).find((t) => t.isNumber)!.text)));
      ids.push(requirement(draft, "computed", `A long break after every ${section.longBreakEvery} rounds`, long.from, long.to));
    }
    if (ask(draft, ["play|plays|make a? sound|beep|chime|alarm when|once|as the? time|timer be|is|'s up|over|done|finished", "play|plays|make a? sound|beep|chime|alarm", "sound|beep|alarm when|at"], "interaction", "Plays a sound when time is up", ids)) section.sound = true;
    if (ask(draft, ["count|counts|track|show how many … today", "pomodoros|sessions today"], "computed", "Counts the pomodoros finished today", ids)) section.countToday = true;
    if (ask(draft, ["change|set|adjust|customise|customize … length|lengths|minutes|duration|durations", "custom length|lengths"], "interaction", "The lengths can be changed", ids)) section.editable = true;
  }
  if (mode === "countdown") {
    const date = readDayMonth(draft);
    if (date) {
      section.target = date.value;
      ids.push(requirement(draft, "content", `Counts down to ${date.text}`, date.from, date.to));
    }
    // "countdown to my wedding day 12 September": the occasion is what follows "to", up to the date.
    let from = hit.to;
    while (tokens[from] && ["to", "until", "till", "til"].includes(tokens[from]!.word)) from++;
    const about = tokens.slice(from).findIndex((t) => /^[.,;]$/.test(t.text) || t.isNumber || monthNames.includes(t.word));
    const subjectTo = about < 0 ? tokens.length : from + about;
    if (subjectTo > from) {
      const subject = draft.reading.prompt.slice(tokens[from]!.start, tokens[subjectTo - 1]!.end).replace(/^(my|our|the)\s+/i, "");
      if (subject) {
        section.title = `Countdown to ${subject}`.slice(0, 80);
        ids.push(requirement(draft, "content", `The countdown is to ${subject}`, from, subjectTo));
        const occasion = subject.replace(/\s+day$/i, "").replace(/(^|\s)([a-z])/g, (_, space: string, c: string) => space + c.toUpperCase());
        draft.appName ??= { name: `${occasion} Countdown`.slice(0, 60), requirementIds: [ids[0]!] };
      }
    }
  }
  section.requirementIds = ids;
  addSection(draft, pageFor(draft, "/", String(section.title), "The timer"), section as never);
  draft.kind = "tool";
  draft.appName ??= { name: mode === "pomodoro" ? "Pomodoro Timer" : mode === "stopwatch" ? "Stopwatch" : "Countdown", requirementIds: [ids[0]!] };
  return true;
}

/** "12 September", "Saturday 14 June", "September 12th": a month-day ("09-12") and its words. */
export function readDayMonth(draft: Draft): { value: string; text: string; from: number; to: number } | undefined {
  const { tokens } = draft.reading;
  for (let i = 0; i < tokens.length; i++) {
    const month = monthNames.indexOf(tokens[i]!.word);
    if (month < 0) continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const day = before?.isNumber ? before : after?.isNumber ? after : undefined;
    if (!day) continue;
    const dayNumber = Number.parseInt(day.text, 10);
    if (!(dayNumber >= 1 && dayNumber <= 31)) continue;
    let from = day === before ? i - 1 : i;
    const to = day === after ? i + 2 : i + 1;
    if (tokens[from - 1] && /day$/.test(tokens[from - 1]!.word) && tokens[from - 1]!.word.length > 5 && isWeekday(tokens[from - 1]!.word)) from--;
    const value = `${String(month + 1).padStart(2, "0")}-${String(dayNumber).padStart(2, "0")}`;
    return { value, text: draft.reading.prompt.slice(tokens[from]!.start, tokens[to - 1]!.end), from, to };
  }
  return undefined;
}
const isWeekday = (word: string): boolean => ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].includes(word);
