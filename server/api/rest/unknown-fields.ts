// Unknown fields are refused (400 naming them) instead of silently dropped: a client that sends
// `requirePlanApproval` for `requiresPlanApproval` must hear about it. zod objects strip unknown
// keys, and the dashboard's input schemas are shared, so the REST layer checks the body against
// the documented request schema (the OpenAPI document's, generated from the same zod types).
import type { ApiErrorIssue } from "../../http/api-error";

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type SchemaComponents = Record<string, JsonSchema>;

const MAX_DEPTH = 32;

function resolve(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const name = current.$ref.replace(/^#\/components\/schemas\//, "");
    current = components[name] ?? {};
  }
  return current;
}

/** Every alternative a value may match (unions and intersections flattened). */
function alternatives(schema: JsonSchema, components: SchemaComponents): JsonSchema[] {
  const resolved = resolve(schema, components);
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (branches) return branches.flatMap((branch) => alternatives(branch, components));
  return [resolved];
}

export function findUnknownFields(value: unknown, schema: JsonSchema, components: SchemaComponents, path: string[] = [], depth = 0): ApiErrorIssue[] {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return [];
  const options = alternatives(schema, components);
  if (Array.isArray(value)) {
    const itemSchemas = options.map((option) => option.items).filter((items): items is JsonSchema => !!items);
    if (itemSchemas.length !== 1) return [];
    return value.flatMap((item, index) => findUnknownFields(item, itemSchemas[0]!, components, [...path, String(index)], depth + 1));
  }
  // Objects: a key is known when some alternative declares it (or allows any key).
  const objectOptions = options.flatMap((option) => (option.allOf ? option.allOf.map((part) => resolve(part, components)) : [option]));
  if (objectOptions.length === 0 || objectOptions.some((option) => !option.properties || option.additionalProperties === true)) return [];
  const issues: ApiErrorIssue[] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const declaring = objectOptions.filter((option) => option.properties && key in option.properties);
    if (declaring.length === 0) {
      const open = objectOptions.find((option) => typeof option.additionalProperties === "object");
      if (open) issues.push(...findUnknownFields(item, open.additionalProperties as JsonSchema, components, [...path, key], depth + 1));
      else issues.push({ path: [...path, key].join("."), message: "Unknown field" });
      continue;
    }
    if (declaring.length === 1) issues.push(...findUnknownFields(item, declaring[0]!.properties![key]!, components, [...path, key], depth + 1));
  }
  return issues;
}
