// The DB agent's offline output: SQL schema, seed data, the entities as data (src/schema.js) and
// the data layer that validates and stores them (the runtime file src/store.js).
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { jsLiteral } from "../codegen/js-literal";
import { readRuntimeFile } from "../read-runtime-file";
import { schemaJs } from "./schema-js";
import { schemaSql } from "./schema-sql";
import { seedData } from "./seed-json";

export function generateDataLayer(plan: TPlan): TGeneratedFile[] {
  return [
    { path: "db/schema.sql", content: schemaSql(plan) },
    { path: "db/seed.json", content: `${jsLiteral(seedData(plan), 2)}\n` },
    { path: "src/schema.js", content: schemaJs(plan) },
    { path: "src/store.js", content: readRuntimeFile("src/store.js") },
  ];
}
