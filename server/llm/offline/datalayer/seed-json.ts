// db/seed.json: three sample records per entity, linked to the first parent record.
import type { TPlan } from "~/server/plan/plan-schema";
import { sampleValue, type SampleValue } from "../plan/sample-values";

export type SeedData = Record<string, Array<Record<string, SampleValue | null>>>;

const parentKeyOf = (parent: string): string => `${parent[0]!.toLowerCase()}${parent.slice(1)}Id`;

export function seedData(plan: TPlan): SeedData {
  const seed: SeedData = {};
  for (const entity of plan.entities) {
    seed[entity.name] = [0, 1, 2].map((i) => {
      const record: Record<string, SampleValue | null> = { id: i + 1 };
      for (const field of entity.fields) record[field.name] = sampleValue(entity, field, i);
      for (const parent of entity.belongsTo) record[parentKeyOf(parent)] = 1;
      return record;
    });
  }
  return seed;
}
