// db/schema.sql: PostgreSQL DDL mirroring src/schema.js, for when the app grows a real backend.
import type { TPlan, TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { pluralize, safeText, snakeOf, splitIdentifier } from "../plan/naming";

export const tableNameOf = (entity: TPlanEntity): string => {
  const words = splitIdentifier(entity.name);
  return [...words.slice(0, -1), pluralize(words[words.length - 1] ?? "item")].join("_");
};
const quote = (id: string): string => `"${id.replace(/"/g, "")}"`;
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const parentColumnOf = (parent: string): string => `${snakeOf(parent)}_id`;

function columnOf(field: TPlanField): string {
  const col = quote(snakeOf(field.name));
  const notNull = field.required ? " NOT NULL" : "";
  switch (field.type) {
    case "number":
      return `${col} numeric${notNull}`;
    case "boolean":
      return `${col} boolean NOT NULL DEFAULT false`;
    case "date":
      return `${col} date${notNull}`;
    case "email":
      return `${col} text${notNull} CHECK (${col} ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$')`;
    case "url":
      return `${col} text${notNull} CHECK (${col} ~ '^https?://')`;
    case "enum":
      return `${col} text${notNull} CHECK (${col} IN (${(field.options ?? []).map(literal).join(", ")}))`;
    case "text":
      return `${col} text${notNull} CHECK (char_length(${col}) <= 5000)`;
    default:
      return `${col} text${notNull} CHECK (char_length(${col}) <= 500)`;
  }
}

export function schemaSql(plan: TPlan): string {
  const lines = [`-- PostgreSQL schema for ${safeText(plan.appName, 60)}, generated from the app's plan.`, "-- Mirrors src/schema.js; the browser app stores the same records in localStorage.", ""];
  if (plan.entities.length === 0) {
    lines.push("-- This app keeps no records: it has no tables.", "");
    return lines.join("\n");
  }
  for (const entity of plan.entities) {
    const columns = [
      `${quote("id")} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`,
      ...entity.fields.map(columnOf),
      ...entity.belongsTo.map((p) => `${quote(parentColumnOf(p))} bigint`),
      `${quote("created_at")} timestamptz NOT NULL DEFAULT now()`,
      `${quote("updated_at")} timestamptz NOT NULL DEFAULT now()`,
    ];
    lines.push(`CREATE TABLE IF NOT EXISTS ${quote(tableNameOf(entity))} (`, columns.map((c) => `  ${c}`).join(",\n"), ");", "");
  }
  // Foreign keys after all tables exist, so relation order (or cycles) never breaks the script.
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
