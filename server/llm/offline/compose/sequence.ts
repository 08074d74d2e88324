// An ordered pick of records: "drag songs into a setlist and show the total set length". The
// records (songs) stay a library; the setlist is a list of its own, each item one of them, in the
// order the user sets (dragging, or Move up / Move down), and its total sums a number of the picked
// records only (their minutes), never the whole library's.
import { sequenceNouns, sequenceOrderWords, sequencePutPatterns, sequenceTotalPatterns } from "../catalog/app-shapes";
import { findPattern, type PatternMatch } from "../understand/match-pattern";
import { addSection, isClaimed, requirement, tag, type Draft, type EntityDraft, type FieldInput } from "./draft";
import { addField, ensureEntity, labelOf } from "./records";
import { recordsPage } from "./views";

const capitalized = (text: string): string => text[0]!.toUpperCase() + text.slice(1);

/** The number a picked record adds to the set's length: its minutes (or a length, a duration). */
function lengthField(entity: EntityDraft): FieldInput | undefined {
  const numbers = entity.fields.filter((f) => f.type === "number");
  return numbers.find((f) => f.unit === "min" || f.name === "minutes") ?? numbers.find((f) => ["length", "duration", "runtime"].includes(String(f.name)));
}

/** The free matches of a pattern; the records' own words in it may already be claimed by their mention. */
function freeMatch(draft: Draft, patterns: string[], recordWords: string[]): PatternMatch | undefined {
  const { tokens } = draft.reading;
  for (const pattern of patterns)
    for (const m of findPattern(tokens, pattern)) {
      if (tokens.slice(m.from, m.to).every((t, k) => recordWords.includes(t.lemma) || !isClaimed(draft, m.from + k, m.from + k + 1))) return m;
    }
  return undefined;
}

export function composeSequence(draft: Draft): void {
  const { tokens } = draft.reading;
  const nouns = sequenceNouns.flatMap((n) => findPattern(tokens, n));
  if (!nouns.length) return;
  // What is picked: the records named in a "put … into" phrase, else the app's main records.
  const all = [...draft.entities.values()].filter((e) => !e.belongsTo.length && e.fields.length);
  const puts = sequencePutPatterns.flatMap((p) => sequenceNouns.flatMap((n) => [`${p} ${n} ${sequenceOrderWords}`, `${p} ${n}`]));
  const named = (m: PatternMatch) => all.find((e) => tokens.slice(m.from, m.to).some((t) => t.lemma === labelOf(e)));
  const putHit = puts.flatMap((p) => findPattern(tokens, p)).find((m) => named(m));
  const source = (putHit && named(putHit)) ?? all[0];
  if (!source) return;
  const recordWords = [labelOf(source), source.pluralLabel.toLowerCase()];
  const put = freeMatch(draft, puts, recordWords);
  const free = nouns.find((m) => !isClaimed(draft, m.from, m.to));
  const total = freeMatch(draft, sequenceTotalPatterns, recordWords);
  if (!put && !free && !total) return;

  // The list is called what the prompt calls it ("Setlist", "Playlist", "Running order").
  const noun = put ? nouns.find((m) => m.from >= put.from && m.to <= put.to) ?? nouns[0]! : free ?? nouns[0]!;
  const title = capitalized(draft.reading.prompt.slice(tokens[noun.from]!.start, tokens[noun.to - 1]!.end).toLowerCase());
  const plural = source.pluralLabel.toLowerCase();
  const ids: string[] = [];
  if (put) ids.push(requirement(draft, "interaction", `Put ${plural} from the library into the ${title.toLowerCase()} and drag them into the order wanted (buttons do the same)`, put.from, put.to));
  else if (free) ids.push(requirement(draft, "view", `A ${title.toLowerCase()}: ${plural} picked from the library, in the order wanted`, free.from, free.to));
  let sum: { label: string; of: { field: string }; format: "minutes" } | undefined;
  if (total) {
    let from = total.from;
    if (tokens[from - 1]?.word === "the" && !isClaimed(draft, from - 1, from)) from--;
    const totalId = requirement(draft, "computed", `The total length of the ${plural} in the ${title.toLowerCase()} (${plural} not in it are not counted)`, from, total.to);
    ids.push(totalId);
    // Without a length of its own, each record gets one: the total needs it.
    const length = lengthField(source) ?? addField(source, { name: "minutes", label: "Length", type: "number", unit: "min", min: 0 }, totalId);
    sum = { label: "Total length", of: { field: `${source.name}.${String(length.name)}` }, format: "minutes" };
  }
  const itemName = `${title.replace(/[^A-Za-z]/g, "")}Item`.slice(0, 40);
  const item = ensureEntity(draft, itemName, title, ids[0]!);
  tag(item, ...ids);
  if (!item.belongsTo.includes(source.name)) item.belongsTo.push(source.name);
  addField(item, { name: "position", label: "Position", type: "number" }, ids[0]!);
  addSection(draft, recordsPage(draft, source), { type: "sequence", title, entity: itemName, itemOf: source.name, ...(sum ? { total: sum } : {}), requirementIds: ids });
}
