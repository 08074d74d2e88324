// The records a prompt describes: which kinds of record, their fields (with types and options),
// and how they link ("deals linked to a lead", "Projects have tasks", "members borrow books").
import { linkVerbs, raterWords, ratingPhrases, type LinkVerb } from "../catalog/entities";
import { fieldConcepts } from "../catalog/fields";
import { earnPatterns } from "../catalog/points";
import { readClauseFields, readIntervalFields } from "./clause-fields";
import { asideClauseEnd, findCatalogMentions, findStructuralMentions, parenthesisedFields, type EntityMention } from "./entity-mentions";
import { isYesNo, readFieldPhrase, type FieldDraft } from "./field-phrase";
import { optionText, readList, readParenthesised, type OptionGroup, type Span } from "./lists";
import { findAny, findPattern } from "./match-pattern";
import { isNoun, sentenceOf, type Reading } from "./reading";
import { determiners } from "./words";

export type FieldMention = { entity: string; field: FieldDraft; span: Span; options?: OptionGroup };
export type RelationMention = { child: string; parent: string; span: Span };
export type LinkMention = { link: LinkVerb; actor: string; object: string; span: Span };
/** A list of states a record moves through ("want to read, reading, and finished"). */
export type StateList = { entity: string; span: Span; options: string[] };
/**
 * People rating records: "members can leave a rating 1-5 for each book" (`actor`: the record of
 * who rates), "everyone rates the films out of 10" (`byName`: who rates is typed on the rating).
 */
export type RatingMention = { object: string; actor?: string; byName?: boolean; max: number; label: string; span: Span };
/** A list of options with no field of its own yet ("I go running, cycling and to the gym"). */
export type LooseOptions = { span: Span; options: string[] };

export type RecordStructure = {
  mentions: EntityMention[];
  fields: FieldMention[];
  relations: RelationMention[];
  links: LinkMention[];
  ratings: RatingMention[];
  states: StateList[];
  looseOptions: LooseOptions[];
  /** Records named in the prompt that the app should start with ("rent, groceries, fun, transport"). */
  instances: { entity: string; span: Span; names: string[] }[];
};

// Words after which a record's fields are listed; "Guests enter their name, yes/no/maybe" too.
const listTriggers = new Set(["with", "has", "have", "having", "containing", "including", ":", "-", "—", "(", "enter", "give", "leave", "fill"]);
const relationPhrases: { patterns: string[]; childIsFirst: boolean }[] = [
  { patterns: ["linked|link|connected|tied|attached|assigned|assign to a|an|the|one|each?", "is|are assigned|linked to a|an|the|one|each?", "come|comes|coming from a|an|the|one|each?", "belong|belongs|belonging to a|an|the|each?", "for a|an|each|every|the", "about|under|of|on|per each|every|a|an", "per", "booked for|with a|an|the?", "inside|within a|an|the|each?"], childIsFirst: true },
  { patterns: ["has|have|having many|several|multiple|some?", "and their|its|his|her", "with their|its|many|several|multiple", "'s|s'"], childIsFirst: false },
];

/** At most three words, and no punctuation, between a record's mention and a relation phrase. */
const nearBefore = (tokens: Reading["tokens"], from: number, to: number): boolean => to - from <= 3 && tokens.slice(from, to).every((t) => t.isWord);

function mentionAt(mentions: EntityMention[], index: number): EntityMention | undefined {
  return mentions.find((m) => index >= m.from && index < m.to);
}

/** Is a list item a state ("reading", "finished", "I want to read") rather than a field? */
function isStateItem(reading: Reading, span: Span): boolean {
  const words = reading.tokens.slice(span.from, span.to).filter((t) => t.isWord);
  const first = words[0];
  if (!first) return false;
  if (first.tags.has("Pronoun") && words[1]?.word === "want") return true;
  const verbish = first.tags.has("Gerund") || first.tags.has("PastTense") || first.tags.has("Participle") || /(ing|ed)$/.test(first.word);
  return words.length <= 3 && verbish && !readFieldPhrase(words)?.concept;
}

function stateText(reading: Reading, span: Span): string {
  const words = reading.tokens.slice(span.from, span.to).filter((t) => t.isWord);
  const from = words[0]?.tags.has("Pronoun") ? 1 : 0;
  const text = words.slice(from).map((t) => t.text).join(" ");
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** `notFields`: words of asks the app cannot do ("a photo"), which no field may stand in for. */
export function readRecordStructure(reading: Reading, claimed: Set<number>, notFields: Set<number> = new Set()): RecordStructure {
  const { tokens } = reading;
  const catalogMentions = findCatalogMentions(reading, claimed);
  const mentions = [...catalogMentions, ...findStructuralMentions(reading, claimed, catalogMentions)].sort((a, b) => a.from - b.from);
  const structure: RecordStructure = { mentions, fields: [], relations: [], links: [], ratings: [], states: [], looseOptions: [], instances: [] };
  const used = new Set<number>();

  // Relations between two mentioned kinds of record.
  for (let m = 1; m < mentions.length; m++) {
    const second = mentions[m]!;
    const sentence = sentenceOf(reading, second.from);
    for (const { patterns, childIsFirst } of relationPhrases) {
      const gapFrom = Math.max(sentence.from, second.from - 5);
      const hit = findAny(tokens, patterns, gapFrom, second.from);
      if (!hit || hit.to !== second.from) continue;
      // The first record stands next to the phrase ("tasks are assigned to…", "orders with a
      // pickup for a customer"): one further back is another clause's ("each student's average
      // as a percentage and the class average for each assignment" links no students).
      const first = [...mentions].reverse().find((x) => x.to <= hit.from && x.from >= sentence.from && x.entity !== second.entity && nearBefore(tokens, x.to, hit.from));
      if (!first) continue;
      // "kids earn points for each chore": points earned by doing a chore, no kid belongs to one.
      if (findAny(tokens, earnPatterns, first.to, hit.from)) continue;
      // Possessive "each student's mark": the owner is the mention the 's is attached to.
      if (hit.pattern === "'s|s'" && first.to !== hit.from) continue;
      const relation = childIsFirst ? { child: first.entity, parent: second.entity } : { child: second.entity, parent: first.entity };
      structure.relations.push({ ...relation, span: { from: first.from, to: second.to } });
      break;
    }
  }

  // Possessives: "each student's mark" → the mark belongs to the student.
  for (const owner of mentions) {
    const word = tokens[owner.to - 1]!.word;
    const owned = mentions.find((m) => m.from === owner.to);
    if (/'s$|s'$/.test(word) && owned && owned.entity !== owner.entity) structure.relations.push({ child: owned.entity, parent: owner.entity, span: { from: owner.from, to: owned.to } });
  }

  // Link verbs: "members borrow books", "who borrowed them".
  for (const link of linkVerbs) {
    for (const verb of link.verbs) {
      const hit = findAny(tokens, [verb]);
      if (!hit) continue;
      const before = [...mentions].reverse().find((x) => x.to <= hit.from && hit.from - x.to <= 2);
      const after = mentions.find((x) => x.from >= hit.to && x.from - hit.to <= 2);
      const previous = [...mentions].reverse().find((x) => x.to <= hit.from);
      const actor = before && before.entity !== link.object && before.entity !== link.entity ? before.entity : link.actor;
      const object = after?.entity ?? (previous && previous.entity !== actor ? previous.entity : link.object);
      structure.links.push({ link, actor, object, span: { from: before?.from ?? hit.from, to: after?.to ?? hit.to } });
      break;
    }
  }

  readRatings(reading, structure, claimed, used);

  // Field lists after each mention: "leads (name, company)", "workouts - exercise, sets",
  // "each loan has a due date", "books I want to read, reading, and finished".
  for (const mention of mentions) {
    // "invoices for a client with line items": the with-list belongs to the invoice.
    const asParent = structure.relations.find((r) => r.parent === mention.entity && r.span.to === mention.to);
    let focus = asParent ? asParent.child : mention.entity;
    let at = mention.to;
    const sentence = sentenceOf(reading, mention.from);
    // Skip a container word ("Car maintenance log: date, …").
    if (tokens[at] && /^(list|log|tracker|journal|library|book|chart|board|box|app)$/.test(tokens[at]!.lemma)) at++;
    for (let round = 0; round < 3 && at < sentence.to; round++) {
      const trigger = tokens[at];
      // "members can leave a rating…": words read as a rating are no list of fields.
      if (!trigger || used.has(at)) break;
      if (trigger.text === "(") {
        const group = readParenthesised(tokens, at);
        if (!group) break;
        // "(supplier has name, phone, email)": that mention reads its own list.
        const inside = mentionAt(mentions, at + 1);
        if (!(inside && ["has", "have", "with"].includes(tokens[inside.to]?.word ?? ""))) {
          if (parenthesisedFields(tokens, at)) {
            const { items } = readList(tokens, at + 1, group.to - at - 2);
            addFieldItems(reading, structure, focus, unclaimed(items, notFields), mentions, used);
          } else {
            // "each category (rent, groceries, fun, transport)": the records to start with.
            structure.instances.push({ entity: focus, span: { from: mention.from, to: group.to }, names: group.options });
            for (let i = group.from; i < group.to; i++) used.add(i);
          }
        }
        at = group.to;
        continue;
      }
      // "member list for our chess club with name, …": skip the "for …" aside.
      if (["for", "of", "in", "at"].includes(trigger.word) && round === 0) {
        // A hyphen inside a word ("under-12") joins it; only a spaced dash starts a list.
        const next = tokens.slice(at, Math.min(sentence.to, at + 8)).findIndex((t, k) => ["with", ":", "(", "-", "—"].includes(t.word) && !(t.text === "-" && tokens[at + k - 1]?.end === t.start));
        if (next > 0 && !mentions.some((m) => m.from > at && m.from < at + next)) {
          at += next;
          continue;
        }
      }
      // "grocery list that syncs between our phones, with aisles": an ask already read (sharing)
      // sits between the record and its list.
      const skip = ["that", "which"].includes(trigger.word) ? at + 1 : at;
      if (claimed.has(skip) && skip < sentence.to) {
        let next = skip;
        while (next < sentence.to && claimed.has(next)) next++;
        if (tokens[next]?.text === ",") next++;
        if (tokens[next] && listTriggers.has(tokens[next]!.word)) {
          at = next;
          continue;
        }
      }
      // "books we read (title, …)", "restaurants we've tried - name, …": a clause that adds nothing
      // to what is kept belongs to the record's own words.
      const aside = asideClauseEnd(tokens, at, sentence.to);
      if (aside !== undefined && at === mention.to) {
        mention.to = aside;
        at = aside;
        if (tokens[at]?.text === "," && listTriggers.has(tokens[at + 1]?.word ?? "")) at++;
        continue;
      }
      // "one entry per day with mood emoji": the rhythm sits between the record and its list.
      if (["per", "each", "every", "a"].includes(trigger.word) && ["day", "week", "month"].includes(tokens[at + 1]?.lemma ?? "")) {
        at += 2;
        continue;
      }
      if (trigger.tags.has("Pronoun") && ["i", "we"].includes(trigger.word)) {
        const { items, end } = readList(tokens, at);
        if (items.length >= 2 && items.filter((s) => isStateItem(reading, s)).length >= 2) {
          structure.states.push({ entity: focus, span: { from: at, to: end }, options: items.map((s) => stateText(reading, s)) });
          at = end;
          if (tokens[at]?.text === ",") at++;
          continue;
        }
        break;
      }
      if (!listTriggers.has(trigger.word)) break;
      let from = at + 1;
      if (trigger.word === "has" || trigger.word === "have") {
        // "Products have tasks" is a relation, handled above; "has a name" is a list.
        const next = mentionAt(mentions, from) ?? mentionAt(mentions, from + 1);
        if (next && !readFieldPhrase(tokens.slice(next.from, next.to))?.concept) break;
      }
      // "reading list: books I want to read…": the list names the same record again.
      const again = mentionAt(mentions, from);
      if (again && again.entity === mention.entity) {
        at = again.to;
        focus = again.entity;
        continue;
      }
      while (tokens[from] && ["many", "several"].includes(tokens[from]!.word)) from++;
      const { items, end } = readList(tokens, from);
      addFieldItems(reading, structure, focus, unclaimed(items, notFields), mentions, used);
      at = end;
    }
  }

  // "which plants need watering… how often it needs water": fields stated as "each X has Y" are
  // covered above; "with due dates" after a container ("todo list with due dates") too.

  // Loose option lists: "I go running, cycling and to the gym".
  for (const sentence of reading.sentences) {
    for (let i = sentence.from; i < sentence.to; i++) {
      const token = tokens[i]!;
      if (used.has(i) || !token.tags.has("Gerund") || token.tags.has("Noun")) continue;
      const { items, end } = readList(tokens, i);
      if (items.length >= 2 && items.filter((s) => tokens[s.from]!.tags.has("Gerund") || tokens[s.from]!.word === "to").length === items.length) {
        structure.looseOptions.push({ span: { from: i, to: end }, options: items.map((s) => optionText(tokens, s)).map((o) => o[0]!.toUpperCase() + o.slice(1)) });
        for (let k = i; k < end; k++) used.add(k);
        i = end;
      }
    }
  }
  // "…and when each dog was last groomed and what i charged": fields said as clauses.
  structure.fields.push(...readClauseFields(reading, mentions, used, claimed), ...readIntervalFields(reading, mentions, used, claimed));
  // Field words outside any list ("walks booked on days and times"): on the nearest record before them.
  for (const sentence of reading.sentences) {
    for (let i = sentence.from; i < sentence.to; i++) {
      const token = tokens[i]!;
      if (used.has(i) || claimed.has(i) || mentionAt(mentions, i) || !token.isWord || !(isNoun(token) || token.word !== token.lemma)) continue;
      // "the average rating for each film": a figure's words, read by the figures.
      if (figureWords.includes(tokens[i - 1]?.lemma ?? "")) continue;
      // "every day", "for each day": a rhythm, not a field.
      if (["each", "every", "per", "through", "a", "today", "the"].includes(tokens[i - 1]?.word ?? "") && ["day", "week", "month", "time"].includes(token.lemma)) continue;
      const owner = [...mentions].reverse().find((m) => m.to <= i && m.from >= sentence.from);
      if (!owner) continue;
      // "due date": the word before may complete the field's name.
      const pair = tokens[i - 1] && !used.has(i - 1) && tokens[i - 1]!.isWord ? readFieldPhrase([tokens[i - 1]!, token]) : undefined;
      const pairConcept = pair?.concept ? fieldConcepts.find((c) => c.name === pair.concept) : undefined;
      const isPair = !!pairConcept?.words.includes(`${tokens[i - 1]!.lemma} ${token.lemma}`);
      const field = isPair ? pair : readFieldPhrase([token]);
      const concept = fieldConcepts.find((c) => c.name === field?.concept);
      if (!field || !concept || !(isPair || concept.words.includes(token.lemma))) continue;
      if (["date", "time", "name", "phone", "email", "address", "price", "amount", "cost", "notes", "note", "rating", "status", "priority", "category", "quantity", "rate"].indexOf(token.lemma) < 0 && field.type !== "date" && field.type !== "time") continue;
      // "rent amount per flat": the record named right after (the tagger may read "flat" as an adjective).
      const per = tokens[i + 1]?.word === "per" ? mentions.find((m) => m.concept?.words.includes(tokens[i + 2]?.lemma ?? "")) : undefined;
      const entity = per?.entity ?? structure.relations.find((r) => r.parent === owner.entity && r.span.to === owner.to)?.child ?? owner.entity;
      structure.fields.push({ entity, field, span: { from: isPair ? i - 1 : i, to: per ? i + 3 : i + 1 } });
      used.add(i);
    }
  }
  const seenFields = new Set<string>();
  structure.fields = structure.fields.filter((f) => {
    const key = `${f.entity}.${f.field.name}`;
    return !seenFields.has(key) && !!seenFields.add(key);
  });
  structure.states = structure.states.filter((s, i) => structure.states.findIndex((o) => o.entity === s.entity) === i);
  // "members give each wine a score… average score per wine": the score is the ratings' own, no list of marks.
  const ratingWords = new Set(structure.ratings.map((r) => r.label.toLowerCase().replace(/s$/, "")));
  const isRatingWord = (m: EntityMention) => m.to - m.from === 1 && ratingWords.has(tokens[m.from]!.lemma) && !structure.ratings.some((r) => r.object === m.entity || r.actor === m.entity);
  structure.mentions = mentions.filter((m) => !isRatingWord(m) && !structure.ratings.some((r) => m.from >= r.span.from && m.to <= r.span.to && m.entity !== r.object && m.entity !== r.actor) && !structure.instances.some((g) => m.from > g.span.from && m.from < g.span.to) && !structure.fields.some((f) => f.options && m.from >= f.options.from && m.from < f.options.to));
  absorbFieldMentions(reading, structure);
  return structure;
}

const subjectPronouns = new Set(["i", "we", "you", "they", "i've", "we've", "you've", "they've", "i'd", "we'd"]);

const modalWords = new Set(["can", "could", "will", "would", "should", "may", "might", "get", "to", "all", "each", "also", "then", "must"]);
const ratingLinks = new Set(["for", "to", "on", "of"]);
const ratingDeterminers = new Set(["each", "every", "a", "an", "the", "all", "any", "my", "our", "their"]);

/** The record named at token `at`: a mention, or the word of one said again ("films we watched … rate each film"). */
function namedAt(reading: Reading, mentions: EntityMention[], at: number): EntityMention | undefined {
  const token = reading.tokens[at];
  const mention = mentions.find((m) => m.from === at);
  if (mention || !token?.isWord) return mention;
  const same = mentions.find((m) => m.to - m.from >= 1 && reading.tokens[m.from]!.lemma === token.lemma && !m.concept);
  return same && { ...same, from: at, to: at + 1 };
}

function namedIn(reading: Reading, mentions: EntityMention[], from: number, to: number): EntityMention | undefined {
  for (let i = from; i < to; i++) {
    const named = namedAt(reading, mentions, i);
    if (named) return named;
  }
  return undefined;
}

/** The scale said from `at` ("1-5", "1 to 10", "out of 10", "(1-5)", "from 1 to 5 stars"): where it ends and its top. */
function ratingScale(tokens: Reading["tokens"], at: number): { to: number; max?: number } {
  let k = at;
  const numbers: number[] = [];
  while (k < tokens.length && k - at < 8) {
    const t = tokens[k]!;
    if (t.isNumber) numbers.push(Number(t.text));
    else if (!["-", "–", "to", "out", "of", "from", "(", ")", "/", "star", "stars", "scale", "a"].includes(t.word) || (t.word === "of" && tokens[k - 1]?.word !== "out") || (["a", "to"].includes(t.word) && !tokens[k + 1]?.isNumber && tokens[k + 1]?.word !== "scale")) break;
    k++;
  }
  if (!numbers.length) return { to: at };
  const top = Math.max(...numbers.filter((n) => n >= 3 && n <= 10));
  return { to: k, ...(Number.isFinite(top) ? { max: top } : {}) };
}

/**
 * "members can leave a rating 1-5 for each book", "guests rate each dish out of 10", "everyone
 * gives the films a score": who rates (a record, people in general, or the user), what is rated,
 * and the scale.
 */
function readRatings(reading: Reading, structure: RecordStructure, claimed: Set<number>, used: Set<number>): void {
  const { tokens } = reading;
  const { mentions } = structure;
  for (const pattern of ratingPhrases) {
    for (const hit of findPattern(tokens, pattern)) {
      if (claimed.has(hit.from) || used.has(hit.from)) continue;
      const isVerb = hit.to - hit.from === 1;
      // "rate each book": the verb form needs a verb; "hourly rate" is a field.
      if (isVerb && !(tokens[hit.from]!.tags.has("Verb") || modalWords.has(tokens[hit.from - 1]?.word ?? "") || subjectPronouns.has(tokens[hit.from - 1]?.word ?? ""))) continue;
      const sentence = sentenceOf(reading, hit.from);
      let k = hit.to;
      let scale = ratingScale(tokens, k);
      k = scale.to;
      if (ratingLinks.has(tokens[k]?.word ?? "") && !isVerb) k++;
      while (ratingDeterminers.has(tokens[k]?.word ?? "")) k++;
      // "give each wine a score": what is rated may sit inside the phrase.
      const object = namedAt(reading, mentions, k) ?? mentions.find((m) => m.from > hit.from && m.to < hit.to) ?? namedIn(reading, mentions, hit.from + 1, hit.to - 1);
      if (!object) continue;
      let to = Math.max(object.to, hit.to, scale.to);
      if (scale.max === undefined) {
        scale = ratingScale(tokens, to);
        to = Math.max(to, scale.to);
      }
      // Who rates: a record just before ("members can leave…"), people in general, or the user.
      let from = hit.from;
      while (from > sentence.from && modalWords.has(tokens[from - 1]!.word)) from--;
      const actor = [...mentions].reverse().find((m) => m.to === from && m.entity !== object.entity);
      const rater = !actor && raterWords.includes(tokens[from - 1]?.word ?? "") ? from - 1 : undefined;
      const max = scale.max ?? 5;
      const span = { from: actor?.from ?? rater ?? hit.from, to };
      // Named with the user's word: "a score out of 10" is a Score.
      const word = tokens.slice(hit.from, hit.to).find((t) => ["rating", "score", "star"].includes(t.lemma))?.lemma ?? "rating";
      const label = word === "star" ? "Stars" : word[0]!.toUpperCase() + word.slice(1);
      if (actor) structure.ratings.push({ object: object.entity, actor: actor.entity, max, label, span });
      else if (rater !== undefined && tokens[rater]!.word !== "we") structure.ratings.push({ object: object.entity, byName: true, max, label, span });
      else structure.fields.push({ entity: object.entity, field: { name: label.toLowerCase(), label, type: "rating", min: 1, max, sample: Math.min(4, max), concept: "rating" }, span });
      for (let i = span.from; i < span.to; i++) if (!mentions.some((m) => i >= m.from && i < m.to)) used.add(i);
    }
  }
}

/** List items outside `taken` (an unsupported ask inside a field list is not a field). */
const unclaimed = <T extends { from: number; to: number }>(items: T[], taken: Set<number>): T[] => items.filter((item) => !Array.from({ length: item.to - item.from }, (_, k) => item.from + k).some((i) => taken.has(i)));

/** Words that open a figure rather than a field when a longer phrase follows ("total money made from…", "average rating per book"). */
const figureWords = ["total", "sum", "average", "avg", "mean"];

/** Adjectives a list of fields can end in that say what the records allow, read by the views. */
const recordAbilities = new Set(["searchable", "sortable", "filterable", "editable", "printable", "shareable"]);

function addFieldItems(reading: Reading, structure: RecordStructure, focus: string, items: ReturnType<typeof readList>["items"], mentions: EntityMention[], used: Set<number>): void {
  const { tokens } = reading;
  for (const item of items) {
    const words = tokens.slice(item.from, item.to);
    if (words.length === 0) continue;
    const content = words.filter((t) => (t.isWord || t.isNumber) && !determiners.has(t.word));
    // "…, searchable": a list may end in what the records can do, which is not a field.
    if (content.length === 1 && recordAbilities.has(content[0]!.lemma)) continue;
    // "…, a button to say I watered it": a control the app offers, read by the composers, not a field.
    if (content[0]?.lemma === "button" || content[0]?.word === "buttons") continue;
    // "…, total money made from sold items": a figure over the records, read by the figures, not a field.
    if (content.length >= 3 && figureWords.includes(content[0]!.lemma) && !readFieldPhrase(words)?.concept?.startsWith(content[0]!.lemma)) continue;
    let field = readFieldPhrase(words);
    // A bare choice ("yes/no/maybe") is the record's answer to the question the app asks.
    if ((!field || !field.concept) && item.options && words.every((t) => (item.options!.from <= t.index && t.index < item.options!.to) || !t.isWord)) {
      const isReply = item.options.options.some((o) => /^(yes|no|maybe)$/i.test(o));
      field = { name: isReply ? "attending" : "choice", label: isReply ? "Attending" : "Choice", type: "enum" };
    }
    const inner = mentions.find((m) => m.from >= item.from && m.to <= item.to);
    // A kind of record that is the whole item ("line items", "supplier") links to the focus,
    // unless the word is an exact field too ("customer" on an order is a field).
    const wholeItem = inner && content.length === inner.to - inner.from && content[0]?.index === inner.from;
    const exactField = field?.concept !== undefined && !!fieldConcepts.find((c) => c.name === field.concept)?.words.includes(content.map((t) => t.lemma).join(" "));
    if (inner && wholeItem && inner.entity !== focus && !exactField) {
      if (!structure.relations.some((r) => r.child === inner.entity && r.parent === focus)) structure.relations.push({ child: inner.entity, parent: focus, span: { from: item.from, to: item.to } });
      continue;
    }
    if (!field) continue;
    // "when each dog was last groomed" belongs to the dog.
    const owner = inner && inner.entity !== focus && tokens[inner.from - 1]?.word === "each" ? inner.entity : focus;
    // One option in brackets is no choice: "how often it needs water (every X days)" says what
    // the value is (a number of days), so the field keeps its own type and the words its quote.
    // "sold yes/no": the answers make the field a yes/no box, not a choice of two words.
    const yesNo = field.type === "boolean" && !!item.options && isYesNo(item.options.options);
    const choices = item.options && item.options.options.length >= 2 && !yesNo ? item.options : undefined;
    if (choices) field.type = "enum";
    structure.fields.push({ entity: owner, field, span: { from: item.from, to: item.options ? Math.max(item.to, item.options.to) : item.to }, ...(choices ? { options: choices } : {}) });
    for (let i = item.from; i < (item.options?.to ?? item.to); i++) used.add(i);
  }
}

/**
 * A kind of record named only as a field of another ("date, product and amount") or as what a
 * figure is grouped by ("spending by category") is that field, not a list of its own: nothing
 * about it (fields, links, records to start with) says the user wants to keep it separately.
 */
function absorbFieldMentions(reading: Reading, structure: RecordStructure): void {
  const { tokens } = reading;
  const hasOwnStructure = (entity: string) =>
    structure.fields.some((f) => f.entity === entity) ||
    structure.relations.some((r) => r.child === entity || r.parent === entity) ||
    structure.links.some((l) => [l.actor, l.object, l.link.entity].includes(entity)) ||
    structure.ratings.some((r) => r.object === entity || r.actor === entity) ||
    structure.instances.some((g) => g.entity === entity) ||
    structure.states.some((st) => st.entity === entity);
  const absorbed = new Set<EntityMention>();
  for (const mention of structure.mentions) {
    if (hasOwnStructure(mention.entity)) continue;
    const others = structure.mentions.filter((m) => m.entity !== mention.entity);
    if (!others.length) continue;
    const asField = structure.fields.find((f) => f.entity !== mention.entity && mention.from >= f.span.from && mention.to <= f.span.to);
    if (asField) {
      absorbed.add(mention);
      continue;
    }
    const before = tokens[mention.from - 1]?.word;
    if (before !== "by" && before !== "per") continue;
    const field = readFieldPhrase(tokens.slice(mention.from, mention.to));
    const concept = field?.concept ? fieldConcepts.find((c) => c.name === field.concept) : undefined;
    if (!field || concept?.type !== "enum") continue;
    const owner = [...others].reverse().find((m) => m.to <= mention.from) ?? others[0]!;
    structure.fields.push({ entity: owner.entity, field, span: { from: mention.from, to: mention.to } });
    absorbed.add(mention);
  }
  // Every mention of an absorbed kind goes, not only the one that was read as a field.
  const gone = new Set([...absorbed].map((m) => m.entity).filter((entity) => structure.mentions.filter((m) => m.entity === entity).every((m) => absorbed.has(m) || !hasOwnStructure(entity))));
  structure.mentions = structure.mentions.filter((m) => !gone.has(m.entity));
}
