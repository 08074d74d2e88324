// GitHub: a token (classic, fine-grained, or a GitHub App installation token) and the account or
// organization that owns the repositories. Verified with GET /user (or /installation/repositories for
// an installation token), then the owner is looked up.
import { RequestError } from "octokit";
import { AppError } from "../../errors";
import type { ProviderAdapter, VerifiedAccount } from "../credentials";
import { createGitHubClient, describeGitHubError, type GitHubCredentials } from "../github/github-client";

async function verifyGitHub(credentials: GitHubCredentials, signal?: AbortSignal): Promise<VerifiedAccount> {
  const octokit = createGitHubClient(credentials, signal);
  let login: string;
  let scopes: string[] | null;
  try {
    const user = await octokit.rest.users.getAuthenticated();
    login = user.data.login;
    // Classic tokens list their scopes in this header; fine-grained and App tokens do not send it.
    const header = user.headers["x-oauth-scopes"];
    scopes = typeof header === "string" ? header.split(",").map((scope) => scope.trim()).filter(Boolean) : null;
  } catch (error) {
    // A GitHub App installation token cannot read /user; it can list its installation's repositories.
    if (error instanceof RequestError && error.status === 403 && /not accessible by integration/i.test(error.message)) {
      return verifyInstallation(credentials, signal);
    }
    throw describeGitHubError(error, "verifying the token");
  }
  if (scopes && !scopes.some((scope) => scope === "repo" || scope === "public_repo")) {
    throw new AppError(
      "BAD_REQUEST",
      `The GitHub token is missing a permission: it has ${scopes.length ? `the scopes ${scopes.join(", ")}` : "no scopes"}, and pushing code needs "repo" (or "public_repo" for public repositories only). Create a token with that scope.`,
    );
  }
  if (credentials.owner.toLowerCase() !== login.toLowerCase()) {
    try {
      await octokit.rest.orgs.get({ org: credentials.owner });
    } catch (error) {
      throw describeGitHubError(error, `looking up the owner "${credentials.owner}"`);
    }
  }
  const accountLabel = credentials.owner.toLowerCase() === login.toLowerCase() ? login : `${login} → ${credentials.owner}`;
  return { accountLabel, scopes: scopes ?? ["fine-grained token (GitHub does not list its permissions)"] };
}

async function verifyInstallation(credentials: GitHubCredentials, signal?: AbortSignal): Promise<VerifiedAccount> {
  const octokit = createGitHubClient(credentials, signal);
  try {
    const { data } = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: 1 });
    return { accountLabel: `GitHub App installation → ${credentials.owner}`, scopes: [`installation (${data.total_count} repositories)`] };
  } catch (error) {
    throw describeGitHubError(error, "verifying the installation token");
  }
}

export const githubAdapter: ProviderAdapter<"GITHUB"> = { provider: "GITHUB", verify: verifyGitHub };
