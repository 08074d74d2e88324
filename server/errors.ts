// Domain errors: thrown by server modules, translated to tRPC codes and HTTP statuses at the edge,
// so the same function can serve the dashboard, the REST API, the CLI and the agents.
export const appErrorCodes = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Seconds a client should wait, for TOO_MANY_REQUESTS. */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, options?: { retryAfterSeconds?: number }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get httpStatus(): number {
    return appErrorCodes[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}
