// Pushes a version to its project's GitHub repository as ONE commit, through the Git Data API:
// read the branch → a tree of the version's files on top of the branch's tree → a commit whose
// parent is the branch head, with the prompt as its message → move the branch. Follow-ups in
// pull-request mode go to a branch of their own (epic/version-<n>) with a pull request instead.
//
// Idempotent per version: the commit's sha is stored on the version the moment it exists, before
// the branch moves, and only if none is stored yet (a conditional write), so a retried or
// duplicated push finds that commit and finishes moving the branch to it instead of making another.
import { RequestError, type Octokit } from "octokit";
import type { Db } from "../../db";
import { AppError, notFound } from "../../errors";
import { readVersionFiles } from "../../versions/read-version";
import { createGitHubClient, describeGitHubError } from "./github-client";
import { requireGitHubCredentials, type ConnectionAccess } from "./repository-link";

export type PushResult =
  | { status: "skipped"; reason: string }
  | { status: "pushed"; commitSha: string; commitUrl: string; branch: string; pullRequestUrl: string | null };

type Link = { owner: string; name: string; branch: string; htmlUrl: string; isPullRequestMode: boolean };

const PUSH_TIMEOUT_MS = 120_000;

/** The branch moved on (someone pushed) between reading it and moving it: the next attempt starts over. */
export class BranchMovedError extends Error {
  constructor(branch: string) {
    super(`The GitHub branch ${branch} changed while this version was being pushed; the push will start again from its new head`);
    this.name = "BranchMovedError";
  }
}

function commitMessage(prompt: string | null, summary: string | null, number: number): string {
  const text = (prompt ?? summary ?? `Version ${number}`).trim();
  const firstLine = text.split("\n", 1)[0]!;
  const title = firstLine.length > 72 ? `${firstLine.slice(0, 71)}…` : firstLine;
  const body = text === title ? "" : `\n\n${text}`;
  return `${title}${body}\n\nEpic AI Dev version ${number}`;
}

/** Text GitHub can take inline in a tree; anything else (images, fonts) goes up as a base64 blob. */
function asInlineText(content: Buffer): string | null {
  if (content.includes(0)) return null;
  const text = content.toString("utf8");
  return Buffer.from(text, "utf8").equals(content) ? text : null;
}

type TreeEntry = { path: string; mode: "100644"; type: "blob"; content?: string; sha?: string | null };

async function buildTree(octokit: Octokit, link: Link, files: Array<{ path: string; content: Buffer }>, deletable: string[], baseTreeSha: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  for (const file of files) {
    const text = asInlineText(file.content);
    if (text !== null) {
      entries.push({ path: file.path, mode: "100644", type: "blob", content: text });
    } else {
      const blob = await octokit.rest.git.createBlob({ owner: link.owner, repo: link.name, content: file.content.toString("base64"), encoding: "base64" });
      entries.push({ path: file.path, mode: "100644", type: "blob", sha: blob.data.sha });
    }
  }
  if (deletable.length > 0) {
    // Only files the previous push wrote and this version dropped, and only if still there: a
    // deletion of a path the tree lacks is refused, and files people added by hand are theirs.
    const base = await octokit.rest.git.getTree({ owner: link.owner, repo: link.name, tree_sha: baseTreeSha, recursive: "1" });
    const present = new Set(base.data.tree.filter((item) => item.type === "blob").map((item) => item.path));
    for (const path of deletable) if (present.has(path)) entries.push({ path, mode: "100644", type: "blob", sha: null });
  }
  return entries;
}

async function readRef(octokit: Octokit, link: Link, branch: string): Promise<string | null> {
  try {
    return (await octokit.rest.git.getRef({ owner: link.owner, repo: link.name, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return null;
    if (error instanceof RequestError && error.status === 409) {
      throw new AppError("BAD_REQUEST", `The GitHub repository ${link.owner}/${link.name} is empty: add a first commit (e.g. a README) or link a repository created by Epic AI Dev`);
    }
    throw error;
  }
}

async function findOrOpenPullRequest(octokit: Octokit, link: Link, branch: string, title: string, body: string): Promise<string> {
  const open = await octokit.rest.pulls.list({ owner: link.owner, repo: link.name, head: `${link.owner}:${branch}`, state: "all", per_page: 1 });
  if (open.data[0]) return open.data[0].html_url;
  const created = await octokit.rest.pulls.create({ owner: link.owner, repo: link.name, head: branch, base: link.branch, title, body });
  return created.data.html_url;
}

/**
 * `options` may be a getter: the keys are then read only for a project that has a repository, so
 * a server without ENCRYPTION_KEY (and without GitHub) skips quietly instead of warning every run.
 */
export async function pushVersionToGitHub(db: Db, versionId: string, options: ConnectionAccess | (() => ConnectionAccess)): Promise<PushResult> {
  const version = await db.projectVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      summary: true,
      githubCommitSha: true,
      githubCommitUrl: true,
      githubPullRequestUrl: true,
      run: { select: { prompt: true } },
      project: { select: { id: true, workspaceId: true, githubRepository: { select: { owner: true, name: true, branch: true, htmlUrl: true, isPullRequestMode: true } } } },
    },
  });
  if (!version) throw notFound("Version");
  const link = version.project.githubRepository;
  if (!link) return { status: "skipped", reason: "The project has no GitHub repository" };
  const previous = await db.projectVersion.findFirst({
    where: { projectId: version.project.id, number: { lt: version.number }, githubCommitUrl: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  // The first push lands on the branch; later ones go through a pull request when the project asks.
  const branch = link.isPullRequestMode && previous ? `epic/version-${version.number}` : link.branch;
  if (version.githubCommitUrl && version.githubCommitSha) {
    return { status: "pushed", commitSha: version.githubCommitSha, commitUrl: version.githubCommitUrl, branch, pullRequestUrl: version.githubPullRequestUrl };
  }

  const credentials = await requireGitHubCredentials(db, version.project.workspaceId, typeof options === "function" ? options() : options);
  const octokit = createGitHubClient(credentials, AbortSignal.timeout(PUSH_TIMEOUT_MS));
  const message = commitMessage(version.run?.prompt ?? null, version.summary, version.number);
  try {
    const baseSha = await readRef(octokit, link, link.branch);
    if (!baseSha) throw new AppError("BAD_REQUEST", `The GitHub repository ${link.owner}/${link.name} has no branch ${link.branch}: link the repository again`);
    let commitSha = version.githubCommitSha;
    if (!commitSha) {
      const baseCommit = await octokit.rest.git.getCommit({ owner: link.owner, repo: link.name, commit_sha: baseSha });
      const files = await readVersionFiles(db, version.id);
      const current = new Set(files.map((file) => file.path));
      const previousPaths = previous ? (await db.versionFile.findMany({ where: { versionId: previous.id }, select: { path: true } })).map((file) => file.path) : [];
      const entries = await buildTree(octokit, link, files, previousPaths.filter((path) => !current.has(path)), baseCommit.data.tree.sha);
      const tree = entries.length
        ? (await octokit.rest.git.createTree({ owner: link.owner, repo: link.name, base_tree: baseCommit.data.tree.sha, tree: entries })).data.sha
        : baseCommit.data.tree.sha;
      const made = await octokit.rest.git.createCommit({ owner: link.owner, repo: link.name, message, tree, parents: [baseSha] });
      // Whoever stores first owns the version's commit; a duplicate push adopts it and drops its own.
      await db.projectVersion.updateMany({ where: { id: version.id, githubCommitSha: null }, data: { githubCommitSha: made.data.sha } });
      commitSha = (await db.projectVersion.findUniqueOrThrow({ where: { id: version.id }, select: { githubCommitSha: true } })).githubCommitSha!;
    }

    const head = await readRef(octokit, link, branch);
    if (head === null) {
      await octokit.rest.git.createRef({ owner: link.owner, repo: link.name, ref: `refs/heads/${branch}`, sha: commitSha });
    } else if (head !== commitSha) {
      try {
        await octokit.rest.git.updateRef({ owner: link.owner, repo: link.name, ref: `heads/${branch}`, sha: commitSha, force: branch !== link.branch });
      } catch (error) {
        if (error instanceof RequestError && error.status === 422) {
          // Our commit's parent is no longer the head: forget it, so the next attempt builds on the new head.
          await db.projectVersion.updateMany({ where: { id: version.id, githubCommitSha: commitSha }, data: { githubCommitSha: null } });
          throw new BranchMovedError(branch);
        }
        throw error;
      }
    }
    const pullRequestUrl =
      branch === link.branch ? null : await findOrOpenPullRequest(octokit, link, branch, message.split("\n", 1)[0]!, `Version ${version.number}, pushed by Epic AI Dev.`);
    const commitUrl = `${link.htmlUrl.replace(/\/+$/, "")}/commit/${commitSha}`;
    await db.projectVersion.update({ where: { id: version.id }, data: { githubCommitUrl: commitUrl, githubPullRequestUrl: pullRequestUrl } });
    return { status: "pushed", commitSha, commitUrl, branch, pullRequestUrl };
  } catch (error) {
    if (error instanceof BranchMovedError) throw error;
    throw describeGitHubError(error, `pushing version ${version.number} to ${link.owner}/${link.name}`);
  }
}
