// The public API's one error shape (REST today; GraphQL and MCP transports may reuse it for their
// HTTP-level refusals): {"error": {"code", "message", "requestId", "issues"?: [{path, message}]}}.
// Codes are tRPC's names (BAD_REQUEST, NOT_FOUND, TOO_MANY_REQUESTS, …), the status is the HTTP one.
export type ApiErrorIssue = { path: string; message: string };
export type ApiErrorBody = { error: { code: string; message: string; requestId: string | null; issues?: ApiErrorIssue[] } };

export const apiErrorStatusCodes: Record<string, number> = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

const codesByStatus = new Map(Object.entries(apiErrorStatusCodes).map(([code, status]) => [status, code] as const));

export function apiErrorCodeForStatus(status: number): string {
  return codesByStatus.get(status) ?? (status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST");
}

export function apiErrorResponse(
  status: number,
  error: { code?: string; message: string; requestId?: string | null; issues?: ApiErrorIssue[] },
  headers?: HeadersInit,
): Response {
  const body: ApiErrorBody = {
    error: {
      code: error.code ?? apiErrorCodeForStatus(status),
      message: error.message,
      requestId: error.requestId ?? null,
      ...(error.issues?.length ? { issues: error.issues } : {}),
    },
  };
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  return response;
}

/** A zod-style issue path (["plan", "pages", 0, "title"]) as the dotted name a client reads ("plan.pages.0.title"). */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => String(part)).join(".");
}
