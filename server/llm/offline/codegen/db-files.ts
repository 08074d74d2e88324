// The DB agent's offline output: db/schema.sql (PostgreSQL tables mirroring the app's entities,
// for when the app grows a backend), db/seed.json (the records the app starts with) and the data
// layer the browser runs (the runtime's store and expressions, and what they import).
import type { TGeneratedFile, TPlan, TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { jsLiteral } from "./js-literal";

const quote = (id: string): string => `"${id.replace(/"/g, "")}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
/** "dateGot" → "date_got", "EntryCheckin" → "entry_checkin". */
export const snakeOf = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
/** A table per entity, named after its plural label ("Booking requests" → booking_requests). */
export const tableNameOf = (entity: TPlanEntity): string => snakeOf(entity.pluralLabel.replace(/[^A-Za-z0-9]+/g, " ").trim().replace(/\s+/g, "_")) || snakeOf(entity.name);
export const parentColumnOf = (parent: string): string => `${snakeOf(parent)}_id`;
/** Plan text in an SQL comment: one line, no comment terminators. */
const commentText = (text: string): string => text.replace(/[\r\n]+/g, " ").replace(/\*\/|--/g, " ").slice(0, 120);

function columnOf(field: TPlanField): string {
  const col = quote(snakeOf(field.name));
  const notNull = field.required ? " NOT NULL" : "";
  const bounds = (sqlCol: string) => [field.min !== undefined ? `${sqlCol} >= ${field.min}` : "", field.max !== undefined ? `${sqlCol} <= ${field.max}` : ""].filter(Boolean);
  const check = (conditions: string[]) => (conditions.length ? ` CHECK (${conditions.join(" AND ")})` : "");
  switch (field.type) {
    case "number":
      return `${col} numeric${notNull}${check(bounds(col))}`;
    case "money":
      return `${col} numeric(12, 2)${notNull}${check(bounds(col))}`;
    case "rating":
      return `${col} smallint${notNull} CHECK (${col} BETWEEN ${field.min ?? 1} AND ${field.max ?? 5})`;
    case "boolean":
      return `${col} boolean NOT NULL DEFAULT ${field.defaultValue === true ? "true" : "false"}`;
    case "date":
      return `${col} date${notNull}`;
    case "time":
      return `${col} time${notNull}`;
    case "email":
      return `${col} text${notNull} CHECK (${col} ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$')`;
    case "url":
      return `${col} text${notNull} CHECK (${col} ~ '^https?://')`;
    case "enum": {
      // Records picked from another kind (players for a match): their ids, as the browser app keeps them.
      if (field.ref) return `${col} text[]${notNull ? " NOT NULL" : ""} DEFAULT '{}' /* ids of ${commentText(field.ref)} records${field.maxChoices ? `, at most ${field.maxChoices}` : ""} */${field.maxChoices ? ` CHECK (cardinality(${col}) <= ${field.maxChoices})` : ""}`;
      const options = (field.options ?? []).map(literal).join(", ");
      if (field.multiple) return `${col} text[]${notNull ? " NOT NULL DEFAULT '{}'" : ""}${options ? ` CHECK (${col} <@ ARRAY[${options}]::text[])` : ""}`;
      return `${col} text${notNull}${options ? ` CHECK (${col} IN (${options}))` : ""}`;
    }
    case "image":
      // A small photo kept in the record as a data URL (the browser app shrinks it before saving).
      return `${col} text${notNull} CHECK (${col} ~ '^data:image/')`;
    case "text":
      return `${col} text${notNull} CHECK (char_length(${col}) <= 5000)`;
    case "string":
    case "phone":
      return `${col} text${notNull} CHECK (char_length(${col}) <= 500)`;
    default: {
      const never: never = field.type;
      return `${col} text${notNull} /* ${String(never)} */`;
    }
  }
}

export function schemaSql(plan: TPlan): string {
  const lines = [`-- PostgreSQL schema for ${commentText(plan.appName)}, generated from the app's plan.`, "-- The browser app keeps the same records in localStorage (src/engine/store.js).", ""];
  if (plan.entities.length === 0) return [...lines, "-- This app keeps no records: it has no tables.", ""].join("\n");
  for (const entity of plan.entities) {
    const columns = [
      `${quote("id")} text PRIMARY KEY`,
      ...entity.fields.map(columnOf),
      ...entity.belongsTo.map((parent) => `${quote(parentColumnOf(parent))} text`),
      `${quote("created_at")} timestamptz NOT NULL DEFAULT now()`,
      `${quote("updated_at")} timestamptz NOT NULL DEFAULT now()`,
    ];
    lines.push(`-- ${commentText(entity.pluralLabel)}`);
    for (const computed of entity.computed ?? []) lines.push(`--   computed in the app: ${commentText(computed.label)}`);
    lines.push(`CREATE TABLE IF NOT EXISTS ${quote(tableNameOf(entity))} (`, columns.map((c) => `  ${c}`).join(",\n"), ");", "");
  }
  // Foreign keys once every table exists, so the order of entities (or a cycle) never breaks the script.
  for (const entity of plan.entities) {
    for (const parentName of entity.belongsTo) {
      const parent = plan.entities.find((e) => e.name === parentName);
      if (!parent) continue;
      const table = tableNameOf(entity);
      const column = parentColumnOf(parentName);
      lines.push(
        `ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(`${table}_${column}_fkey`)} FOREIGN KEY (${quote(column)}) REFERENCES ${quote(tableNameOf(parent))} (${quote("id")}) ON DELETE CASCADE;`,
        `CREATE INDEX IF NOT EXISTS ${quote(`${table}_${column}_idx`)} ON ${quote(table)} (${quote(column)});`,
        "",
      );
    }
  }
  return lines.join("\n");
}

/** db/seed.json: per entity, the records the app starts with (the plan's initial records). */
export function seedJson(plan: TPlan): string {
  const seed = Object.fromEntries(plan.entities.map((entity) => [entity.name, entity.initialRecords ?? []]));
  return `${jsLiteral(seed, 2)}\n`;
}

export function dbFiles(plan: TPlan): TGeneratedFile[] {
  return [
    { path: "db/schema.sql", content: schemaSql(plan) },
    { path: "db/seed.json", content: seedJson(plan) },
  ];
}
