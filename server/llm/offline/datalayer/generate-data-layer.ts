// The DB agent's offline output: SQL schema, seed data and the browser data layer.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { jsLiteral } from "../codegen/js-literal";
import { schemaJs } from "./schema-js";
import { schemaSql } from "./schema-sql";
import { seedData } from "./seed-json";
import { storeJs } from "./store-js";

export function generateDataLayer(plan: TPlan): TGeneratedFile[] {
  return [
    { path: "db/schema.sql", content: schemaSql(plan) },
    { path: "db/seed.json", content: `${jsLiteral(seedData(plan), 2)}\n` },
    { path: "src/schema.js", content: schemaJs(plan) },
    { path: "src/store.js", content: storeJs },
  ];
}
