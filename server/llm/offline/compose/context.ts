// "I'm a freelancer.", "As a teacher, …", "I run a small bakery and …": the user says who they
// are. That asks for nothing to be built; the role is folded into the app's name (finish.ts), so
// the words are read and checked (the name check) rather than reported as not understood.
import { selfDescriptionEnds, selfDescriptionOpeners } from "../catalog/context";
import { findPattern } from "../understand/match-pattern";
import { isNoun } from "../understand/reading";
import { isClaimed, requirement, type Draft } from "./draft";

export function composeSelfDescription(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const opener of selfDescriptionOpeners) {
    for (const match of findPattern(tokens, `${opener} a|an`)) {
      // Only at the start of a sentence or clause: "a tool I run a report with" is no self-description.
      const before = tokens[match.from - 1];
      if (before && !/^[.;!?,:]$/.test(before.text) && before.word !== "and") continue;
      let to = match.to;
      while (to < tokens.length && to - match.to < 3 && tokens[to]!.isWord && !selfDescriptionEnds.includes(tokens[to]!.word) && (isNoun(tokens[to]) || tokens[to]!.tags.has("Adjective")) && !tokens[to]!.tags.has("Pronoun")) to++;
      const last = tokens[to - 1];
      const end = tokens[to];
      if (to === match.to || !last || !isNoun(last) || (end && !selfDescriptionEnds.includes(end.text) && !selfDescriptionEnds.includes(end.word))) continue;
      if (isClaimed(draft, match.from, to) || draft.context) continue;
      const roleFrom = tokens.slice(match.to, to).findIndex((t) => !["small", "little", "local", "new", "big", "busy"].includes(t.word));
      const role = draft.reading.prompt.slice(tokens[match.to + Math.max(0, roleFrom)]!.start, last.end);
      const id = requirement(draft, "name", `The app is made for a ${role.toLowerCase()}, and its name says so`, match.from, to);
      draft.context = { role, requirementId: id };
      return;
    }
  }
}
