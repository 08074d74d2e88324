// Deterministic example values, shared by the seed data and the acceptance checks so the checks
// type exactly what the seed and the UI can display.
import type { TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { catalogEntityByName } from "./entity-catalog";

export type SampleValue = string | number | boolean;

// Generic names avoid words the UI itself uses ("Add your first sighting"), so checks for a
// record's absence cannot be fooled by interface copy.
const counters = ["one", "two", "three"];

/** The field a record is known by: the first required text-like field, else the first text-like one. */
export function primaryFieldOf(entity: TPlanEntity): TPlanField {
  const textual = entity.fields.filter((f) => f.type === "string" || f.type === "email" || f.type === "url");
  return textual.find((f) => f.required) ?? textual[0] ?? entity.fields[0]!;
}

export function sampleValue(entity: TPlanEntity, field: TPlanField, index: number): SampleValue {
  const i = index % 3;
  if (field.name === primaryFieldOf(entity).name && (field.type === "string" || field.type === "text")) {
    const known = catalogEntityByName(entity.name);
    if (known && known.fields.some((f) => f.name === field.name)) return known.samples[i]!;
    const noun = entity.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
    return `${noun[0]!.toUpperCase()}${noun.slice(1)} ${counters[i]}`;
  }
  switch (field.type) {
    case "number":
      return [120, 45, 18][i]!;
    case "date":
      return ["2025-03-14", "2025-04-02", "2025-05-20"][i]!;
    case "email":
      return ["ada@example.com", "grace@example.com", "alan@example.com"][i]!;
    case "url":
      return ["https://example.com", "https://example.org", "https://example.net"][i]!;
    case "boolean":
      return i !== 1;
    case "enum": {
      const options = field.options ?? [];
      return options.length ? options[i % options.length]! : "";
    }
    case "text":
      return `${field.label} for record ${i + 1}`;
    default:
      return `${field.label} ${i + 1}`;
  }
}

/** A value for the edit check that shares no substring with the create sample. */
export function editedPrimaryValue(entity: TPlanEntity): string {
  const primary = primaryFieldOf(entity);
  if (primary.type === "email") return "edited@example.com";
  if (primary.type === "url") return "https://edited.example.com";
  return `Renamed ${entity.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()} entry`;
}
