// Records booked on a day at a time: "walks booked on days and times. show todays walks in
// order". A view lists the records dated today; asked for in order, earliest time first.
import { timeOrderPatterns, todayPatterns } from "../catalog/schedule";
import { findAny } from "../understand/match-pattern";
import { addSection, isClaimed, requirement, type Draft, type SectionInput } from "./draft";
import { labelOf } from "./records";
import { recordsPage } from "./views";

export function composeToday(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const entity of draft.entities.values()) {
    const date = entity.fields.find((f) => f.type === "date");
    if (!date) continue;
    const words = [...new Set([labelOf(entity), entity.name.toLowerCase()])].join("|");
    const hit = findAny(tokens, todayPatterns.map((p) => p.replaceAll("{record}", words)));
    // The phrase names the records ("today's walks"), which their mention may have claimed: "today" must be free.
    const todayAt = hit ? tokens.findIndex((t, i) => i >= hit.from && i < hit.to && t.lemma === "today") : -1;
    if (!hit || todayAt < 0 || isClaimed(draft, todayAt, todayAt + 1)) continue;
    const from = ["show", "see", "list", "view"].includes(tokens[hit.from - 1]?.word ?? "") ? hit.from - 1 : hit.from;
    const plural = entity.pluralLabel.toLowerCase();
    const id = requirement(draft, "view", `Lists the ${plural} dated today, and none of other days`, from, hit.to);
    const section: SectionInput = { type: "records", title: `Today's ${plural}`, entity: entity.name, where: [{ field: String(date.name), op: "isToday" }], create: false, emptyText: `No ${plural} today`, requirementIds: [id] };
    const time = entity.fields.find((f) => f.type === "time");
    const order = findAny(tokens, timeOrderPatterns, hit.to, Math.min(tokens.length, hit.to + 5));
    if (time && order && order.from === hit.to && !isClaimed(draft, order.from, order.to)) {
      section.sort = { field: String(time.name), direction: "asc" };
      section.requirementIds!.push(requirement(draft, "view", `Today's ${plural} are listed in order of their ${String(time.label).toLowerCase()}, earliest first`, order.from, order.to));
    }
    addSection(draft, recordsPage(draft, entity), section);
  }
}
