// One error type for everything the CLI reports: a readable message, a stable exit code, and
// the server's code, request id and field issues when the server said no.
import { TRPCClientError } from "@trpc/client";
import { exitCodes, type ExitCode } from "./exit-codes";

export type FieldIssues = Record<string, string[]>;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly details: { code?: string; requestId?: string; retryAfterSeconds?: number; fieldIssues?: FieldIssues; hint?: string } = {},
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string, hint?: string) => new CliError(message, exitCodes.usage, { code: "USAGE", hint });
export const notFoundError = (message: string) => new CliError(message, exitCodes.notFound, { code: "NOT_FOUND" });

/** The exit code for a server error code (tRPC's names, which are also the HTTP status names we use). */
export function exitCodeOfServerCode(code: string | undefined, httpStatus?: number): ExitCode {
  if (code === "UNAUTHORIZED" || code === "FORBIDDEN" || httpStatus === 401 || httpStatus === 403) return exitCodes.auth;
  if (code === "NOT_FOUND" || httpStatus === 404) return exitCodes.notFound;
  if (code === "TOO_MANY_REQUESTS" || httpStatus === 429) return exitCodes.rateLimited;
  if (code === "BAD_REQUEST" || code === "PARSE_ERROR" || httpStatus === 400) return exitCodes.usage;
  return exitCodes.failed;
}

type ServerErrorData = {
  code?: string;
  httpStatus?: number;
  requestId?: string;
  retryAfterSeconds?: number;
  zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
};

/** Any thrown value as a CliError: tRPC failures keep the server's message, code and field issues. */
export function toCliError(error: unknown, serverUrl?: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ServerErrorData;
    if (!data.code) return unreachable(error, serverUrl);
    const fieldIssues = Object.fromEntries(
      Object.entries(data.zodError?.fieldErrors ?? {}).filter((entry): entry is [string, string[]] => !!entry[1]?.length),
    );
    const formIssues = data.zodError?.formErrors ?? [];
    const message =
      data.code === "UNAUTHORIZED"
        ? "The server refused the token: it is unknown, revoked or expired"
        : Object.keys(fieldIssues).length || formIssues.length
          ? describeIssues(fieldIssues, formIssues)
          : error.message;
    return new CliError(message, exitCodeOfServerCode(data.code, data.httpStatus), {
      code: data.code,
      requestId: data.requestId,
      retryAfterSeconds: data.retryAfterSeconds,
      fieldIssues: Object.keys(fieldIssues).length ? fieldIssues : undefined,
      hint: hintFor(data.code),
    });
  }
  if (error instanceof Error && (error.name === "TypeError" || "code" in error) && /fetch failed|ECONNREFUSED|ENOTFOUND/i.test(describeCause(error))) {
    return unreachable(error, serverUrl);
  }
  return new CliError(error instanceof Error ? error.message : String(error), exitCodes.failed);
}

function describeIssues(fieldIssues: FieldIssues, formIssues: string[]): string {
  const lines = [...formIssues, ...Object.entries(fieldIssues).map(([field, messages]) => `${field}: ${messages.join("; ")}`)];
  return `The server refused the input: ${lines.join(", ")}`;
}

function hintFor(code: string): string | undefined {
  if (code === "UNAUTHORIZED") return "Create a new token in the dashboard (Settings → API tokens) and run `epic login`.";
  return undefined;
}

function describeCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return `${error.message} ${cause instanceof Error ? `${cause.message} ${(cause as { code?: string }).code ?? ""}` : ""}`;
}

function unreachable(error: Error, serverUrl?: string): CliError {
  const cause = (error as { cause?: unknown }).cause;
  const reason = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : error.message;
  return new CliError(`Cannot reach ${serverUrl ?? "the server"} (${reason})`, exitCodes.failed, {
    code: "UNREACHABLE",
    hint: "Check the URL (epic login --url, or EPIC_URL) and that the server is running.",
  });
}
