// Who an app is for, when the prompt says so. The owner's words belong to the app's name
// ("member list for our chess club" → "Chess Club Member List"), so they are never left unread.
import { ownerWords } from "../catalog/entities";
import type { Draft } from "./draft";

/**
 * "for our chess club", "for my Etsy candle shop": the end of a phrase at `at` ("for") naming who
 * the app is for, with the owner's words; undefined when the words do not end in such a noun.
 */
export function ownerPhrase(draft: Draft, at: number): { to: number; owner: string } | undefined {
  const { tokens } = draft.reading;
  if (tokens[at]?.word !== "for") return undefined;
  let from = at + 1;
  if (!["my", "our", "the", "a", "an"].includes(tokens[from]?.word ?? "")) return undefined;
  from++;
  for (let end = from; end < Math.min(tokens.length, from + 6); end++) {
    const t = tokens[end]!;
    // "under-12": a hyphen joining words and numbers stays inside the owner's name.
    const joined = (t.text === "-" && tokens[end - 1]?.end === t.start) || (t.isNumber && tokens[end - 1]?.text === "-");
    if (!t.isWord && !joined) return undefined;
    if (ownerWords.includes(t.lemma) && !ownerWords.includes(tokens[end + 1]?.lemma ?? "")) {
      const owner = draft.reading.prompt.slice(tokens[from]!.start, t.end);
      return { to: end + 1, owner };
    }
  }
  return undefined;
}


/** Words between "run a" and the business noun that are not part of its name. */
const sizeWords = new Set(["little", "small", "tiny", "new", "local", "side", "home"]);

/**
 * "i run a little dog grooming thing out of my garage": the business the app is for, said as
 * context. Its words name the app ("Dog Grooming"); the place it is run from asks for nothing.
 * Undefined unless a pronoun runs, owns or started a business noun (or "thing") a few words on.
 */
export function businessPhrase(draft: Draft): { from: number; to: number; name: string } | undefined {
  const { tokens } = draft.reading;
  for (let i = 1; i < tokens.length; i++) {
    // Not "have": "we have a family of 5" says who uses the app, not a business it is for.
    if (!["run", "own", "started"].includes(tokens[i]!.word) || !["i", "we"].includes(tokens[i - 1]!.word)) continue;
    let from = i + 1;
    if (!["a", "an", "my", "our"].includes(tokens[from]?.word ?? "")) continue;
    from++;
    while (sizeWords.has(tokens[from]?.word ?? "")) from++;
    const end = tokens.findIndex((t, k) => k >= from && k < from + 4 && (ownerWords.includes(t.lemma) || t.word === "thing"));
    if (end < 0 || !tokens.slice(from, end + 1).every((t) => t.isWord)) continue;
    const words = tokens.slice(from, tokens[end]!.word === "thing" ? end : end + 1);
    if (!words.length) continue;
    let to = end + 1;
    // "out of my garage", "from home": where it is run.
    const place = ["out of my|our|the", "from my|our|the", "from home", "at home"].map((p) => p.split(" ")).find((parts) => parts.every((alts, k) => alts.split("|").includes(tokens[to + k]?.word ?? "")));
    if (place) to += place.length + (place.at(-1) === "home" ? 0 : tokens[to + place.length]?.isWord ? 1 : 0);
    const name = words.map((t) => t.text[0]!.toUpperCase() + t.text.slice(1)).join(" ");
    return { from: i, to, name };
  }
  return undefined;
}
