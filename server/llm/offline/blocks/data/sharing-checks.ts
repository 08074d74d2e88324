// The check of an app whose records are shared between devices (plan.sharing): two devices open
// the app; one adds a record and the other shows it without a reload; the other then changes it
// (renames it, ticks its yes/no field) and the first shows that, again without a reload. A
// runtime that does not send its writes, or does not apply the writes pushed to it, fails.
import type { TAcceptanceCheckInput, TPlan } from "~/server/plan/plan-schema";
import { sectionTitleOf } from "../section-title";
import { plannedRequirements, hasTextTitle } from "./records-checks";
import { addRecordSteps, editDialogName, fillField, recordRole, sampleFor, sampleRecord, shownText, titleFieldOf, titleText, Words, type Step } from "./record-samples";

/** The first list of the app where a record can be added and edited by its typed name. */
function sharedListOf(plan: TPlan) {
  for (const page of plan.pages) {
    for (const section of page.sections ?? []) {
      if (section.type !== "records" || section.create === false || section.where?.length) continue;
      const entity = plan.entities.find((e) => e.name === section.entity);
      if (!entity || entity.belongsTo.length || entity.addOnlyWhen || !hasTextTitle(entity)) continue;
      return { page, section, entity, region: sectionTitleOf(section, plan), role: recordRole(section) };
    }
  }
  return null;
}

export function sharingChecks(plan: TPlan): TAcceptanceCheckInput[] {
  const ids = plannedRequirements(plan.sharing?.requirementIds, { plan }).map((r) => r.id);
  const list = plan.sharing ? sharedListOf(plan) : null;
  if (!ids.length || !list) return [];
  const { page, section, entity, region, role } = list;
  const words = new Words();
  const [word, renamedWord] = [words.take(), words.take()];
  const values = sampleRecord(entity, word, 0, { onlyRequired: true });
  const add = addRecordSteps(entity, values, plan);
  if (!add) return [];
  const title = titleText(entity, values);
  const shows = (name: string): Step => ({ action: "expectElement", role, name, within: region });
  const steps: Step[] = [
    // The second device has the app open before anything is added: what it shows next came to it live.
    { action: "device", name: "second" },
    { action: "goto", path: page.path },
    { action: "expectElement", role: "region", name: region },
    { action: "device", name: "first" },
    ...add,
    shows(title),
    { action: "device", name: "second" },
    shows(title),
  ];
  if (section.edit) {
    const titleField = titleFieldOf(entity);
    const newTitle = String(sampleFor(titleField, renamedWord, 1));
    const tick = entity.fields.find((f) => f.type === "boolean" && values[f.name] !== true);
    const dialog = editDialogName(entity);
    steps.push(
      { action: "click", role: "button", name: `Edit ${title}`, within: region },
      ...fillField(titleField, newTitle, dialog),
      ...(tick ? fillField(tick, true, dialog) : []),
      { action: "click", role: "button", name: "Save", within: dialog },
      shows(newTitle),
      { action: "device", name: "first" },
      shows(newTitle),
      { action: "expectNoText", text: title, within: region },
      ...(tick && role === "listitem" ? [{ action: "expectText" as const, text: `${tick.label} ${shownText(tick, true)}`, within: newTitle }] : []),
    );
  }
  const changed = section.edit ? " and a change made there shows on the first" : "";
  return [{ id: "shared-between-devices", description: `A ${entity.pluralLabel.toLowerCase()} record added on one device shows on another without a reload${changed}`, requirementIds: ids, steps }];
}
