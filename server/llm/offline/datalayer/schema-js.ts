// src/schema.js: the entities as data, shared by the UI and the data layer.
import type { TPlan } from "~/server/plan/plan-schema";
import { appSlugOf } from "../plan/build-plan";
import { primaryFieldOf } from "../plan/sample-values";
import { entityLabel, statusFieldOf } from "../plan/ui-names";
import { jsLiteral } from "../codegen/js-literal";
import type { Entity } from "../runtime/src/schema";
import { stableHash } from "./stable-hash";

/** The entities as the runtime reads them (the type is the runtime's contract for src/schema.js). */
export function entitiesAsData(plan: TPlan): Entity[] {
  return plan.entities.map((e) => ({
    name: e.name,
    label: entityLabel(e),
    pluralLabel: e.pluralLabel,
    primary: primaryFieldOf(e).name,
    status: statusFieldOf(e)?.name ?? null,
    parents: e.belongsTo,
    fields: e.fields.map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required, ...(f.options ? { options: f.options } : {}) })),
  }));
}

/** Per-app storage key: previews of different apps share an origin, so the key must differ per app. */
export function storageKeyOf(plan: TPlan): string {
  const shape = JSON.stringify([plan.appName, plan.kind, plan.entities.map((e) => e.name)]);
  return `epic-app:${appSlugOf(plan)}:${stableHash(shape)}`;
}

export function schemaJs(plan: TPlan): string {
  return `// Entities of this app, generated from its plan. The data layer (store.js) validates records
// against these definitions; db/schema.sql is the matching PostgreSQL schema.
export const storageKey = ${jsLiteral(storageKeyOf(plan))};

export const entities = ${jsLiteral(entitiesAsData(plan), 2)};

export function entityByName(name) {
  return entities.find((entity) => entity.name === name) || null;
}

/** Column holding the id of a parent record, e.g. "contactId" for a Deal's Contact. */
export function parentKey(parentName) {
  return parentName.charAt(0).toLowerCase() + parentName.slice(1) + "Id";
}
`;
}
