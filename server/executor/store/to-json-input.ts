// Step outputs, errors and events are arbitrary JSON from the SDK. Prisma wants InputJsonValue
// for a Json column and a JsonNull marker for a JSON null.
import { Prisma } from "../../db/generated/client";

export function toJsonInput(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === null || value === undefined) return Prisma.JsonNull;
  // A JSON round trip drops what JSON cannot hold (undefined, functions), as the SDK would.
  const json: unknown = JSON.parse(JSON.stringify(value));
  return json === null ? Prisma.JsonNull : (json as Prisma.InputJsonValue);
}
