// The OpenAPI 3.1 document of /api/v1, generated from the REST procedures' meta and zod schemas
// (trpc-to-openapi), plus what the generator cannot know: our error shape on every failure, the
// rate-limit and idempotency headers, and the archive download (a route outside tRPC).
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { z } from "zod";
import { restRouter } from "./router";

export const REST_BASE_PATH = "/api/v1";

const ZApiError = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, UNPROCESSABLE_CONTENT, TOO_MANY_REQUESTS, …" }),
      message: z.string(),
      requestId: z.string().nullable().meta({ description: "Quote it when you report a problem (also in the X-Request-Id header)." }),
      issues: z.array(z.object({ path: z.string().meta({ description: "The field, dotted (e.g. `plan.pages.0.title`)." }), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "ApiError" });

const errorDescriptions: Record<string, string> = {
  "400": "Invalid input: malformed JSON, a wrong type, an unknown field or a bad cursor (the issues name the fields)",
  "401": "No valid API token or session",
  "403": "Your role or the token's scope does not allow this",
  "404": "Not found (or not yours: other workspaces' ids are not found either)",
  "409": "Conflicts with the current state, or an Idempotency-Key still in use",
  "413": "The request body is too large",
  "415": "The body is not application/json",
  "422": "An Idempotency-Key reused with a different body",
  "429": "Rate limited: see Retry-After and the RateLimit-* headers",
  "500": "Internal error: quote the request id",
};

let cached: OpenAPIObject | null = null;

export function getOpenApiDocument(): OpenAPIObject {
  if (cached) return cached;
  const document = generateOpenApiDocument(restRouter, {
    title: "Epic AI Dev API",
    version: "1.0.0",
    description:
      "Create apps from prompts, follow their runs, review plans, read versions and roll back deployments. " +
      "Authenticate with `Authorization: Bearer <API token>` (create one under Settings → API tokens) or, from the dashboard's origin, the session cookie. " +
      "Lists are paginated with `limit` and an opaque `cursor` (the previous page's `nextCursor`). " +
      "Every answer carries `X-Request-Id` and the `RateLimit-*` headers.",
    baseUrl: REST_BASE_PATH,
    openApiVersion: "3.1.0",
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "An API token (`epic_…`)." },
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The dashboard's session (same origin only)." },
    },
    defs: { ApiError: ZApiError },
  });
  document.paths = { ...document.paths, ...archivePath() };
  cached = withOurConventions(document);
  return cached;
}

type Operation = {
  operationId?: string;
  parameters?: Array<Record<string, unknown>>;
  responses?: Record<string, unknown>;
  security?: unknown;
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } });

function withOurConventions(document: OpenAPIObject): OpenAPIObject {
  const rateLimitHeaders = {
    "RateLimit-Limit": { description: "Requests allowed in the window", schema: { type: "integer" } },
    "RateLimit-Remaining": { description: "Requests left in the window", schema: { type: "integer" } },
    "RateLimit-Reset": { description: "Seconds until the window resets", schema: { type: "integer" } },
    "X-Request-Id": { description: "This request's id", schema: { type: "string" } },
  };
  for (const [, item] of Object.entries(document.paths ?? {})) {
    for (const method of ["get", "post", "put", "patch", "delete"] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status === "default" || Number(status) >= 400) continue;
        const success = response as { headers?: Record<string, unknown>; description?: string };
        const isCreated = status === "200" && operation.operationId && createdProcedures.has(procedurePathOf(operation.operationId));
        responses[isCreated ? "201" : status] = { ...success, headers: { ...success.headers, ...rateLimitHeaders } };
      }
      const statuses = method === "get" ? ["400", "401", "403", "404", "429", "500"] : ["400", "401", "403", "404", "409", "413", "415", "429", "500"];
      if (operation.operationId && isIdempotent(operation.operationId)) {
        statuses.push("422");
        operation.parameters = [
          ...(operation.parameters ?? []),
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description: "A unique key (1–200 visible ASCII characters) per intended request: a retry with the same key and body gets the first answer again (for 24 hours).",
            schema: { type: "string", minLength: 1, maxLength: 200 },
          },
        ];
      }
      for (const status of statuses.sort()) responses[status] = errorResponse(errorDescriptions[status]!);
      operation.responses = responses;
      operation.security = [{ bearer: [] }, { session: [] }];
    }
  }
  return document;
}

/** Procedures whose `POST` takes an Idempotency-Key. */
export const idempotentProcedures = new Set(["projects.create", "projects.followUp"]);
/** Procedures that create something: 201 instead of 200. */
export const createdProcedures = new Set(["projects.create", "projects.followUp", "runs.retry", "tokens.create", "workspaces.invite"]);
/** Procedures that start a run: the smallest rate-limit budget. */
export const runStartingProcedures = new Set(["projects.create", "projects.followUp", "runs.retry"]);

/** The generator's operation id ("projects-followUp") as the procedure's path ("projects.followUp"). */
export const procedurePathOf = (operationId: string) => operationId.replace(/-/g, ".");
const isIdempotent = (operationId: string) => idempotentProcedures.has(procedurePathOf(operationId));

/** The tar download, served by the REST handler itself (binary, so not a tRPC procedure's JSON). */
export const ARCHIVE_PATH = "/versions/{versionId}/archive";

function archivePath(): NonNullable<OpenAPIObject["paths"]> {
  return {
    [ARCHIVE_PATH]: {
      get: {
        operationId: "versions-archive",
        summary: "Download a version's files as a tar archive (one folder named after the project and version)",
        tags: ["Versions"],
        parameters: [{ in: "path" as const, name: "versionId", required: true, schema: { type: "string", pattern: "^[cC][0-9a-z]{6,}$" } }],
        responses: {
          "200": {
            description: "The archive",
            content: { "application/x-tar": { schema: { type: "string", contentMediaType: "application/x-tar" } } },
          },
        },
      },
    },
  };
}
