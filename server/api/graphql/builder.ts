// The code-first GraphQL schema's builder: Pothos with its Prisma plugin, which turns a nested
// selection (workspace → projects → runs → events) into one Prisma query per root field instead
// of one per row.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import type { RequestApiCaller } from "../request-api-caller";
import type { RunEventHub } from "../../runs/run-event-hub";
import type PrismaTypes from "./generated/pothos-prisma-types";
import { getDatamodel } from "./generated/pothos-prisma-types";

export type GraphQLContext = RequestApiCaller & {
  /** The run-event reader the subscription follows (the same one the SSE route uses). */
  hub: RunEventHub;
  /** Aborted when the client goes away (ends a subscription's wait at once). */
  signal: AbortSignal;
};

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [PrismaPlugin],
  prisma: {
    // Each request's own database handle (the app's, or a test's).
    client: (ctx) => ctx.context.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
});

builder.scalarType("DateTime", {
  description: "An ISO-8601 timestamp.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError("expected an ISO-8601 timestamp");
    return date;
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
});
