// A project's GitHub repository: link an existing one or create one (with a first commit, since
// the Git Data API cannot write to an empty repository), and the project's push settings.
import { RequestError } from "octokit";
import type { Db } from "../../db";
import { AppError, notFound } from "../../errors";
import { getConnectionCredentials, type ConnectionOptions } from "../connections";
import { createGitHubClient, describeGitHubError, type GitHubCredentials } from "./github-client";

export type ConnectionAccess = Pick<ConnectionOptions, "keyRing" | "endpointPolicy">;

/** The workspace's GitHub credentials, or a BAD_REQUEST saying where to connect GitHub. */
export async function requireGitHubCredentials(db: Db, workspaceId: string, options: ConnectionAccess): Promise<GitHubCredentials> {
  const credentials = await getConnectionCredentials(db, workspaceId, "GITHUB", options);
  if (!credentials) throw new AppError("BAD_REQUEST", "This workspace has no GitHub connection: an owner or admin can add one in Settings → Integrations");
  return credentials;
}

const linkSelect = { owner: true, name: true, branch: true, htmlUrl: true, isPullRequestMode: true, updatedAt: true } as const;

export async function getRepositoryLink(db: Db, projectId: string) {
  return db.gitHubRepositoryLink.findUnique({ where: { projectId }, select: linkSelect });
}

export type LinkRepositoryInput = {
  projectId: string;
  /** The repository's name under the connection's owner. */
  name: string;
  /** Create it (private unless isPublic), or link one that exists. */
  isNew: boolean;
  isPublic?: boolean;
  isPullRequestMode?: boolean;
};

async function createRepository(credentials: GitHubCredentials, name: string, isPublic: boolean) {
  const octokit = createGitHubClient(credentials, AbortSignal.timeout(30_000));
  const common = { name, private: !isPublic, auto_init: true, description: "Generated with Epic AI Dev" };
  try {
    const login = await octokit.rest.users
      .getAuthenticated()
      .then((user) => user.data.login)
      .catch(() => null);
    const { data } =
      login && login.toLowerCase() === credentials.owner.toLowerCase()
        ? await octokit.rest.repos.createForAuthenticatedUser(common)
        : await octokit.rest.repos.createInOrg({ org: credentials.owner, ...common });
    return data;
  } catch (error) {
    if (error instanceof RequestError && error.status === 422 && /already exists/i.test(JSON.stringify(error.response?.data ?? ""))) {
      throw new AppError("CONFLICT", `A repository named ${credentials.owner}/${name} already exists on GitHub: link it instead, or choose another name`);
    }
    throw describeGitHubError(error, `creating the repository ${credentials.owner}/${name}`);
  }
}

async function readRepository(credentials: GitHubCredentials, name: string) {
  const octokit = createGitHubClient(credentials, AbortSignal.timeout(30_000));
  try {
    return (await octokit.rest.repos.get({ owner: credentials.owner, repo: name })).data;
  } catch (error) {
    throw describeGitHubError(error, `opening the repository ${credentials.owner}/${name}`);
  }
}

/** Links (creating first, if asked) the project's repository; replaces a previous link. */
export async function linkRepository(db: Db, input: LinkRepositoryInput, options: ConnectionAccess) {
  const project = await db.project.findUnique({ where: { id: input.projectId }, select: { workspaceId: true } });
  if (!project) throw notFound("Project");
  const credentials = await requireGitHubCredentials(db, project.workspaceId, options);
  const repository = input.isNew ? await createRepository(credentials, input.name, input.isPublic ?? false) : await readRepository(credentials, input.name);
  const fields = {
    owner: repository.owner.login,
    name: repository.name,
    branch: repository.default_branch || "main",
    htmlUrl: repository.html_url,
    isPullRequestMode: input.isPullRequestMode ?? false,
  };
  return db.gitHubRepositoryLink.upsert({ where: { projectId: input.projectId }, create: { projectId: input.projectId, ...fields }, update: fields, select: linkSelect });
}

export async function setPullRequestMode(db: Db, input: { projectId: string; isPullRequestMode: boolean }) {
  const { count } = await db.gitHubRepositoryLink.updateMany({ where: { projectId: input.projectId }, data: { isPullRequestMode: input.isPullRequestMode } });
  if (count === 0) throw new AppError("NOT_FOUND", "This project has no GitHub repository");
  return getRepositoryLink(db, input.projectId);
}

export async function unlinkRepository(db: Db, projectId: string): Promise<{ unlinked: boolean }> {
  const { count } = await db.gitHubRepositoryLink.deleteMany({ where: { projectId } });
  return { unlinked: count > 0 };
}
