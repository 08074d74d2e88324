// Octokit for one GitHub connection, and GitHub's failures turned into messages a person can act
// on. Messages carry GitHub's own words and status, never the request (whose headers hold the token).
import { Octokit, RequestError } from "octokit";
import { AppError } from "../../errors";
import type { ProviderCredentials } from "../credentials";
import { getLogger } from "../../observability/logger";

const log = getLogger("github");

export const GITHUB_API_URL = "https://api.github.com";

export type GitHubCredentials = ProviderCredentials["GITHUB"];

export function createGitHubClient(credentials: GitHubCredentials, signal?: AbortSignal): Octokit {
  return new Octokit({
    auth: credentials.token,
    baseUrl: (credentials.baseUrl ?? GITHUB_API_URL).replace(/\/+$/, ""),
    userAgent: "epic-ai-dev",
    request: signal ? { signal } : {},
    // Octokit logs warnings (rate limits, deprecations) with the request's method and URL only;
    // routed through here so nothing else it might print reaches the logs.
    log: { debug: () => {}, info: () => {}, warn: (message: string) => log.warn(message), error: (message: string) => log.error(message) },
  });
}

/** GitHub's own message from a failed request ("Bad credentials"), without documentation links or headers. */
function gitHubMessage(error: RequestError): string {
  const data = error.response?.data as { message?: unknown; errors?: Array<{ message?: unknown }> } | undefined;
  const base = typeof data?.message === "string" ? data.message : error.message.split(" - ")[0] ?? "";
  const details = (data?.errors ?? []).map((item) => (typeof item?.message === "string" ? item.message : "")).filter(Boolean);
  return [base, ...details].join("; ").slice(0, 300);
}

/** Whether a retry may succeed: rate limits, GitHub's 5xx and network failures. */
export function isTransientGitHubError(error: unknown): boolean {
  if (error instanceof RequestError) {
    if (error.status >= 500 || error.status === 429) return true;
    return error.status === 403 && /rate limit/i.test(gitHubMessage(error));
  }
  return !(error instanceof AppError);
}

/**
 * What went wrong, for a person: `action` says what we were doing ("verifying the token",
 * "pushing version 3"). Domain errors pass through; anything else becomes a BAD_REQUEST.
 */
export function describeGitHubError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestError) {
    const said = gitHubMessage(error);
    const status = error.status;
    if (status === 401) {
      return new AppError("BAD_REQUEST", `GitHub rejected the token while ${action} (401 ${said}): it was revoked, has expired or is mistyped. Create a new token and rotate the GitHub connection in Settings → Integrations.`);
    }
    if (status === 403 && /rate limit/i.test(said)) {
      return new AppError("TOO_MANY_REQUESTS", `GitHub's rate limit was reached while ${action} (403 ${said}). Wait a few minutes and try again.`);
    }
    if (status === 403) {
      return new AppError("BAD_REQUEST", `GitHub refused while ${action} (403 ${said}): the token lacks a permission. Classic tokens need the "repo" scope; fine-grained tokens need Contents and Administration (read and write) on the owner's repositories.`);
    }
    if (status === 404) {
      return new AppError("BAD_REQUEST", `GitHub found nothing while ${action} (404 ${said}): check the owner and repository names, and that the token can see them.`);
    }
    if (status === 409 || status === 422) return new AppError("BAD_REQUEST", `GitHub could not do it while ${action} (${status} ${said}).`);
    if (status === 429 || status >= 500) return new AppError("BAD_REQUEST", `GitHub is unavailable while ${action} (${status} ${said}). Try again in a few minutes.`);
    return new AppError("BAD_REQUEST", `GitHub answered ${status} while ${action}: ${said}`);
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "AbortError" || name === "TimeoutError") return new AppError("BAD_REQUEST", `GitHub did not answer in time while ${action}. Try again.`);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return new AppError("BAD_REQUEST", `Could not reach GitHub while ${action}${cause}. Check the API URL and the network.`);
}
