// The asks that are not about records: what the app cannot do offline (unsupported, with a
// notice where there is an honest stand-in), how it should look, and what it is called.
import { capabilities } from "../catalog/capabilities";
import { containerWords } from "../catalog/entities";
import { dayNames, monthNames } from "../catalog/content";
import { accentColours, colourTargets, highlightWords, lookConcepts } from "../catalog/looks";
import { readList } from "../understand/lists";
import { findPattern } from "../understand/match-pattern";
import { claim, isClaimed, requirement, type Draft } from "./draft";
import { subjectName } from "./finish";
import { businessPhrase, ownerPhrase } from "./owner";

/** Where an ask's phrase ends: up to 8 more words, to a comma or "and", "with", "so", "then" ("email me a reminder at 3pm if I'm behind"). */
export function phraseEnd(tokens: Draft["reading"]["tokens"], from: number): number {
  let to = from;
  while (to < tokens.length && to - from < 8 && !/^[.,;!?]$/.test(tokens[to]!.text) && !["and", "with", "so", "then"].includes(tokens[to]!.word)) to++;
  return to;
}

export function composeUnsupported(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const capability of capabilities) {
    for (const pattern of capability.patterns) {
      for (const match of findPattern(tokens, pattern)) {
        if (isClaimed(draft, match.from, match.to)) continue;
        const id = requirement(draft, "interaction", capability.text, match.from, phraseEnd(tokens, match.to), { reason: capability.reason });
        if (capability.instead && !draft.notices.some((n) => n.text === capability.instead)) draft.notices.push({ text: capability.instead, requirementIds: [id] });
      }
    }
  }
}

export function composeLooks(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const look of lookConcepts) {
    for (const pattern of look.patterns) {
      for (const match of findPattern(tokens, pattern)) {
        if (isClaimed(draft, match.from, match.to)) continue;
        // "dark" alone is a look only when nothing else claims it ("dark chocolate" is not).
        const single = match.to - match.from === 1;
        if (single && tokens[match.to]?.tags.has("Noun") && !["mode", "theme", "colours", "colors", "please"].includes(tokens[match.to]!.word) && look.theme.textScale === undefined && look.theme.colorScheme === undefined) continue;
        const id = requirement(draft, "look", look.text, match.from, match.to);
        Object.assign(draft.theme, look.theme);
        draft.theme.requirementIds.push(id);
      }
    }
  }
  // "use green", "green theme", "blue buttons".
  for (let i = 0; i < tokens.length; i++) {
    const colour = accentColours[tokens[i]!.word];
    if (!colour || draft.claimed.has(i)) continue;
    const before = tokens[i - 1]?.word;
    const after = tokens[i + 1]?.word ?? "";
    if (!(colourTargets.includes(after) || before === "use" || before === "in")) continue;
    // "overdue tasks highlighted in red" colours some records, not the app: the view reads it.
    if (before === "in" && highlightWords.includes(tokens[i - 2]?.word ?? "")) continue;
    const to = colourTargets.includes(after) ? i + 2 : i + 1;
    const from = before === "use" ? i - 1 : i;
    const id = requirement(draft, "look", `${tokens[i]!.text[0]!.toUpperCase()}${tokens[i]!.text.slice(1)} as the main colour`, from, to);
    draft.theme.accent = colour;
    draft.theme.requirementIds.push(id);
  }
}

const isCapitalised = (text: string): boolean => /^[A-ZÀ-Ö]/.test(text);
const calendarWords = new Set([...dayNames, ...monthNames]);

/** The span of a proper name starting at `from`: capitalised words, "&", "'s", up to 6 words. */
function nameSpan(draft: Draft, from: number, allowLowerFirst = false): number {
  const { tokens } = draft.reading;
  let to = from;
  while (to < tokens.length && to - from < 6) {
    const t = tokens[to]!;
    const joinsName = (t.text === "&" || t.word === "of" || t.word === "and" || t.word === "the") && to > from && isCapitalised(tokens[to + 1]?.text ?? "");
    if ((t.isWord && (isCapitalised(t.text) || (allowLowerFirst && to === from))) || joinsName) to++;
    else break;
  }
  // A trailing "and" or "&" is not part of the name.
  while (to > from && ["&", "and", "of", "the"].includes(tokens[to - 1]!.word)) to--;
  return to;
}

/** Is token `at` inside a list of capitalised options that follows "with" or "columns"? */
function inCapitalisedList(tokens: Draft["reading"]["tokens"], at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i < 30; i--) {
    const t = tokens[i]!;
    if (/^[.!?;:]$/.test(t.text)) return false;
    if (["with", "columns", "column", "lists"].includes(t.word)) {
      const { end } = readList(tokens, i + 1, 30);
      return at < end && tokens.slice(i + 1, end).some((w) => w.text === ",");
    }
  }
  return false;
}

export function composeName(draft: Draft): void {
  const { tokens } = draft.reading;
  let best: { from: number; to: number } | undefined;
  for (let i = 0; i < tokens.length && !best; i++) {
    const t = tokens[i]!;
    // "called Sprout", "named Ana Ruiz", "call the app Grandma's Kitchen", "name it Sprout".
    if (["called", "named", "call", "name", "titled", "rename"].includes(t.word)) {
      let from = i + 1;
      while (tokens[from] && ["the", "it", "app", "site", "page", "website", "shop", "business", "to", "my"].includes(tokens[from]!.word) && !isCapitalised(tokens[from]!.text)) from++;
      if (["the"].includes(tokens[from]?.word ?? "") && isCapitalised(tokens[from]!.text)) { /* "The Little Fox" keeps its The */ }
      const to = nameSpan(draft, from, t.word === "called" || t.word === "named");
      if (to > from) best = { from, to };
    }
  }
  // "for Sharp Lines Barbers", ", The Little Fox Café": a capitalised run of two or more words
  // that is not at the start of a sentence and not a day, month or code.
  for (let i = 1; i < tokens.length && !best; i++) {
    const t = tokens[i]!;
    const previous = tokens[i - 1]!;
    if (!t.isWord || !isCapitalised(t.text) || /^[.!?:;(]$/.test(previous.text) || calendarWords.has(t.word) || /^[A-Z]{2,4}$/.test(t.text)) continue;
    // Capitalised items of a list ("with To Do, In Progress, Done") are options, not the app's name.
    if (inCapitalisedList(tokens, i)) continue;
    if (draft.claimed.has(i)) continue;
    const to = nameSpan(draft, i);
    const words = tokens.slice(i, to);
    if (to - i >= 2 && !words.some((w) => calendarWords.has(w.word) || /^[A-Z]{2,4}$/.test(w.text))) best = { from: i, to };
    else if (to - i === 1 && previous.word === "for" && /'s$/.test(t.word) === false && tokens[to]?.word !== "," && isCapitalised(t.text) && t.tags.has("ProperNoun")) best = { from: i, to };
  }
  if (!best) {
    // "i run a little dog grooming thing out of my garage": the business names the app, unless
    // the prompt names what it is ("a client log for my grooming business").
    const business = businessPhrase(draft);
    if (business && !subjectName(draft)) {
      draft.appName = { name: business.name, requirementIds: [requirement(draft, "name", `The app is called "${business.name}"`, business.from, business.to)] };
    }
    return;
  }
  const name = draft.reading.prompt.slice(tokens[best.from]!.start, tokens[best.to - 1]!.end).trim();
  if (!name || name.length > 60) return;
  // "Sales tracker for my Etsy candle shop called Wick & Wax": the app is named after its owner,
  // and the words naming the owner are part of what the name requirement answers.
  let quoteFrom = best.from;
  // "a plant journal called Sprout": "journal called" says what is being named.
  if (["called", "named", "titled"].includes(tokens[best.from - 1]?.word ?? "")) quoteFrom = containerWords.includes(tokens[best.from - 2]?.lemma ?? "") ? best.from - 2 : best.from - 1;
  if (["called", "named"].includes(tokens[best.from - 1]?.word ?? "")) {
    for (let f = best.from - 2; f >= Math.max(0, best.from - 8); f--) {
      const owner = ownerPhrase(draft, f);
      if (owner && owner.to === best.from - 1) {
        quoteFrom = containerWords.includes(tokens[f - 1]?.lemma ?? "") ? f - 1 : f;
        break;
      }
    }
  }
  const id = requirement(draft, "name", `The app is called "${name}"`, quoteFrom, best.to);
  draft.appName = { name, requirementIds: [id] };
  claim(draft, best.from, best.to);
}

/** "in Bristol": a place the site mentions. */
export function composePlace(draft: Draft): { place: string; requirementId: string } | undefined {
  const { tokens } = draft.reading;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1]!.word !== "in" || !isCapitalised(tokens[i]!.text) || draft.claimed.has(i) || calendarWords.has(tokens[i]!.word)) continue;
    const to = nameSpan(draft, i);
    const place = draft.reading.prompt.slice(tokens[i]!.start, tokens[to - 1]!.end);
    return { place, requirementId: requirement(draft, "content", `Mentions ${place}`, i - 1, to) };
  }
  return undefined;
}
