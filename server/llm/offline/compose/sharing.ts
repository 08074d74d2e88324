// "syncs between me and my partner's phones", "shared with the family": the records are shared
// between devices. A planned requirement (kind interaction) quoting those words, which turns the
// app's sharing on (finish.ts puts `sharing` on the plan; the runtime's shared store does it and
// QA's two-device check proves it).
import { sharedWith, sharingAsk } from "../catalog/sharing";
import { findPattern } from "../understand/match-pattern";
import { isClaimed, requirement, type Draft } from "./draft";
import { phraseEnd } from "./asks";

const others = new Set(sharedWith.split("|"));

/** "between my laptop and my phone": the phrase goes on past an "and" that names one more device or person. */
function endOfSharing(tokens: Draft["reading"]["tokens"], to: number): number {
  while (tokens[to]?.word === "and") {
    const next = tokens.slice(to + 1, to + 4).findIndex((t) => others.has(t.lemma) || others.has(t.word));
    if (next < 0) break;
    to = phraseEnd(tokens, to + 2 + next);
  }
  return to;
}

export function composeSharing(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const pattern of sharingAsk.patterns) {
    for (const match of findPattern(tokens, pattern)) {
      if (isClaimed(draft, match.from, match.to)) continue;
      const id = requirement(draft, "interaction", sharingAsk.text, match.from, endOfSharing(tokens, phraseEnd(tokens, match.to)));
      draft.sharing = { requirementIds: [...new Set([...(draft.sharing?.requirementIds ?? []), id])] };
    }
  }
}
