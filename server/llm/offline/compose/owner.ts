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

