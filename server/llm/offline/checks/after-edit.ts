// After a plan edit in the approval gate (a rename, a field changed, a section removed), the
// offline checks are written again from the edited plan, so no check still looks for the old name.
// What the editor did to the checks themselves stands: a check they removed stays removed, one
// they changed or wrote keeps their version.
import { isDeepStrictEqual } from "node:util";
import { ZPlan, type TAcceptanceCheck, type TPlan } from "~/server/plan/plan-schema";
import { buildAcceptanceChecks } from "./index";

export function rebuildChecksAfterEdit(original: TPlan, edited: TPlan): TPlan {
  const before = new Map(original.acceptanceChecks.map((check) => [check.id, check]));
  const kept = new Map(edited.acceptanceChecks.map((check) => [check.id, check]));
  const removed = new Set([...before.keys()].filter((id) => !kept.has(id)));
  // The editor's own checks: new ones, and generated ones they changed.
  const edits = edited.acceptanceChecks.filter((check) => !before.has(check.id) || !isDeepStrictEqual(before.get(check.id), check));
  const editedIds = new Set(edits.map((check) => check.id));
  const rebuilt = ZPlan.shape.acceptanceChecks.parse(buildAcceptanceChecks(edited)) as TAcceptanceCheck[];
  const checks = [...rebuilt.filter((check) => !removed.has(check.id) && !editedIds.has(check.id)), ...edits].slice(0, 80);
  // A plan must keep at least one check: if everything was removed, the editor's choice wins only as far as the schema allows.
  return { ...edited, acceptanceChecks: checks.length ? checks : edited.acceptanceChecks };
}
