// Test support: a loopback fake of the GitHub REST API, for the endpoints our GitHub code calls
// (users, orgs, repositories, the Git Data API's refs/commits/trees/blobs, pull requests). Tests
// point the real Octokit at it with `baseUrl`. Blobs have real git ids; trees are kept as flat
// path → blob maps with a hash of their own (not git's tree encoding, which nothing here reads).
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackFake } from "./loopback-fake";

export type FakeToken = {
  login: string;
  /** Classic tokens' scopes (sent as x-oauth-scopes); null for a fine-grained token. */
  scopes?: string[] | null;
  /** Revoked: every call answers 401 Bad credentials. */
  isRevoked?: boolean;
  /** Every call answers 403 Resource not accessible by personal access token. */
  isForbidden?: boolean;
};

type Commit = { sha: string; tree: string; parents: string[]; message: string };
type Repo = { owner: string; name: string; isPrivate: boolean; defaultBranch: string; refs: Map<string, string>; pulls: Array<{ number: number; head: string; base: string; title: string; state: string }> };
export type RecordedRequest = { method: string; path: string; status: number; authorization: string | null; body: string };
type Fault = { method: string; path: RegExp; status: number; message: string; times: number };

const gitSha = (kind: string, content: Buffer) => createHash("sha1").update(`${kind} ${content.length}\0`).update(content).digest("hex");

export class FakeGitHub extends LoopbackFake {
  readonly tokens = new Map<string, FakeToken>();
  readonly orgs = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  private readonly blobs = new Map<string, Buffer>();
  private readonly trees = new Map<string, Map<string, string>>();
  private readonly commits = new Map<string, Commit>();
  private readonly repos = new Map<string, Repo>();
  private readonly faults: Fault[] = [];


  /** The next `times` requests matching method and path fail with this status and message. */
  failNext(method: string, path: RegExp, status: number, message: string, times = 1) {
    this.faults.push({ method, path, status, message, times });
  }

  // ─── Inspection for tests ───

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  commit(sha: string): Commit | undefined {
    return this.commits.get(sha);
  }

  /** The branch's commits, newest first, following first parents. */
  history(owner: string, name: string, branch: string): Commit[] {
    const list: Commit[] = [];
    let sha = this.repo(owner, name)?.refs.get(branch);
    while (sha) {
      const commit = this.commits.get(sha)!;
      list.push(commit);
      sha = commit.parents[0];
    }
    return list;
  }

  /** Every file of a commit's tree as text. */
  filesAt(commitSha: string): Record<string, string> {
    const tree = this.trees.get(this.commits.get(commitSha)!.tree)!;
    return Object.fromEntries([...tree].map(([path, blob]) => [path, this.blobs.get(blob)!.toString("utf8")]));
  }

  blobBytes(commitSha: string, path: string): Buffer | undefined {
    const blob = this.trees.get(this.commits.get(commitSha)!.tree)?.get(path);
    return blob ? this.blobs.get(blob) : undefined;
  }

  // ─── Git objects ───

  private putBlob(content: Buffer): string {
    const sha = gitSha("blob", content);
    this.blobs.set(sha, content);
    return sha;
  }

  private putTree(entries: Map<string, string>): string {
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = gitSha("tree", Buffer.from(JSON.stringify(sorted)));
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  private putCommit(tree: string, parents: string[], message: string): Commit {
    const sha = gitSha("commit", Buffer.from(JSON.stringify({ tree, parents, message, at: process.hrtime.bigint().toString() })));
    const commit = { sha, tree, parents, message };
    this.commits.set(sha, commit);
    return commit;
  }

  createRepo(owner: string, name: string, options: { isPrivate?: boolean; autoInit?: boolean } = {}): Repo {
    const repo: Repo = { owner, name, isPrivate: options.isPrivate ?? true, defaultBranch: "main", refs: new Map(), pulls: [] };
    if (options.autoInit !== false) {
      const tree = this.putTree(new Map([["README.md", this.putBlob(Buffer.from(`# ${name}\n`))]]));
      repo.refs.set("main", this.putCommit(tree, [], "Initial commit").sha);
    }
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  // ─── HTTP ───

  protected async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const bodyText = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    const authorization = request.headers.authorization ?? null;
    let status = 500;
    const send = (code: number, body: unknown, headers: Record<string, string> = {}) => {
      status = code;
      response.writeHead(code, { "content-type": "application/json; charset=utf-8", ...headers });
      response.end(JSON.stringify(body));
    };
    try {
      const fault = this.faults.find((item) => item.method === method && item.path.test(decodeURIComponent(url.pathname)) && item.times > 0);
      if (fault) {
        fault.times -= 1;
        send(fault.status, { message: fault.message, documentation_url: "https://docs.github.com/rest" });
        return;
      }
      const token = this.authenticate(authorization);
      if (!token) return send(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
      if (token.isForbidden) return send(403, { message: "Resource not accessible by personal access token", documentation_url: "https://docs.github.com/rest" });
      const body = bodyText ? (JSON.parse(bodyText) as Record<string, unknown>) : {};
      this.route(method, url, body, token, send);
    } catch (error) {
      send(500, { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.requests.push({ method, path: decodeURIComponent(url.pathname) + url.search, status, authorization, body: bodyText });
    }
  }

  private authenticate(authorization: string | null): FakeToken | null {
    const value = authorization?.match(/^(?:token|bearer)\s+(.+)$/i)?.[1];
    const token = value ? this.tokens.get(value) : undefined;
    return token && !token.isRevoked ? token : null;
  }

  private route(method: string, url: URL, body: Record<string, unknown>, token: FakeToken, send: (code: number, body: unknown, headers?: Record<string, string>) => void) {
    // Octokit sends a ref's slashes encoded (/git/ref/heads%2Fmain), as GitHub accepts.
    const path = decodeURIComponent(url.pathname);
    const notFound = () => send(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    if (method === "GET" && path === "/user") {
      return send(200, { login: token.login, id: 1, type: "User" }, token.scopes ? { "x-oauth-scopes": token.scopes.join(", ") } : {});
    }
    let match = path.match(/^\/orgs\/([^/]+)$/);
    if (method === "GET" && match) return this.orgs.has(match[1]!) ? send(200, { login: match[1], id: 2 }) : notFound();
    if (method === "POST" && (path === "/user/repos" || /^\/orgs\/[^/]+\/repos$/.test(path))) {
      const owner = path === "/user/repos" ? token.login : path.split("/")[2]!;
      const name = String(body.name ?? "");
      if (this.repo(owner, name)) {
        return send(422, { message: "Repository creation failed.", errors: [{ resource: "Repository", code: "custom", field: "name", message: "name already exists on this account" }] });
      }
      return send(201, this.repoJson(this.createRepo(owner, name, { isPrivate: body.private !== false, autoInit: body.auto_init === true })));
    }
    match = path.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/);
    if (!match) return notFound();
    const repo = this.repo(match[1]!, match[2]!);
    if (!repo) return notFound();
    const rest = match[3] ?? "";
    if (method === "GET" && rest === "") return send(200, this.repoJson(repo));
    if (repo.refs.size === 0 && rest.startsWith("/git/")) return send(409, { message: "Git Repository is empty." });
    if (method === "GET" && (match = rest.match(/^\/git\/ref\/heads\/(.+)$/))) {
      const sha = repo.refs.get(match[1]!);
      return sha ? send(200, { ref: `refs/heads/${match[1]}`, object: { sha, type: "commit" } }) : notFound();
    }
    if (method === "GET" && (match = rest.match(/^\/git\/commits\/([0-9a-f]{40})$/))) {
      const commit = this.commits.get(match[1]!);
      return commit ? send(200, { sha: commit.sha, tree: { sha: commit.tree }, parents: commit.parents.map((sha) => ({ sha })), message: commit.message }) : notFound();
    }
    if (method === "GET" && (match = rest.match(/^\/git\/trees\/([0-9a-f]{40})$/))) {
      const tree = this.trees.get(match[1]!);
      if (!tree) return notFound();
      return send(200, { sha: match[1], truncated: false, tree: [...tree].map(([entryPath, sha]) => ({ path: entryPath, mode: "100644", type: "blob", sha })) });
    }
    if (method === "POST" && rest === "/git/blobs") {
      const content = Buffer.from(String(body.content ?? ""), body.encoding === "base64" ? "base64" : "utf8");
      return send(201, { sha: this.putBlob(content) });
    }
    if (method === "POST" && rest === "/git/trees") {
      const base = body.base_tree ? this.trees.get(String(body.base_tree)) : new Map<string, string>();
      if (!base) return send(422, { message: "Invalid base_tree" });
      const entries = new Map(base);
      for (const entry of (body.tree as Array<{ path: string; content?: string; sha?: string | null }>) ?? []) {
        if (entry.sha === null) {
          if (!entries.delete(entry.path)) return send(422, { message: `GitRPC::BadObjectState: ${entry.path} is not in the tree` });
        } else if (typeof entry.content === "string") entries.set(entry.path, this.putBlob(Buffer.from(entry.content, "utf8")));
        else if (entry.sha && this.blobs.has(entry.sha)) entries.set(entry.path, entry.sha);
        else return send(422, { message: `Invalid tree entry ${entry.path}` });
      }
      return send(201, { sha: this.putTree(entries), truncated: false });
    }
    if (method === "POST" && rest === "/git/commits") {
      const tree = String(body.tree ?? "");
      const parents = (body.parents as string[]) ?? [];
      if (!this.trees.has(tree) || parents.some((sha) => !this.commits.has(sha))) return send(422, { message: "Invalid tree or parents" });
      const commit = this.putCommit(tree, parents, String(body.message ?? ""));
      return send(201, { sha: commit.sha, html_url: `https://github.example/${repo.owner}/${repo.name}/commit/${commit.sha}`, tree: { sha: tree }, parents: parents.map((sha) => ({ sha })) });
    }
    if (method === "POST" && rest === "/git/refs") {
      const ref = String(body.ref ?? "").replace(/^refs\/heads\//, "");
      if (repo.refs.has(ref)) return send(422, { message: "Reference already exists" });
      repo.refs.set(ref, String(body.sha));
      return send(201, { ref: `refs/heads/${ref}`, object: { sha: body.sha, type: "commit" } });
    }
    if (method === "PATCH" && (match = rest.match(/^\/git\/refs\/heads\/(.+)$/))) {
      const ref = match[1]!;
      const current = repo.refs.get(ref);
      const next = String(body.sha ?? "");
      if (!current) return send(422, { message: "Reference does not exist" });
      if (!this.commits.has(next)) return send(422, { message: "Object does not exist" });
      if (body.force !== true && !this.isAncestor(current, next)) return send(422, { message: "Update is not a fast forward" });
      repo.refs.set(ref, next);
      return send(200, { ref: `refs/heads/${ref}`, object: { sha: next, type: "commit" } });
    }
    if (method === "GET" && rest === "/pulls") {
      const head = url.searchParams.get("head")?.split(":").pop();
      return send(200, repo.pulls.filter((pull) => !head || pull.head === head).map((pull) => this.pullJson(repo, pull)));
    }
    if (method === "POST" && rest === "/pulls") {
      const head = String(body.head ?? "");
      if (!repo.refs.has(head)) return send(422, { message: "Validation Failed", errors: [{ message: `No commits between ${body.base} and ${head}` }] });
      if (repo.pulls.some((pull) => pull.head === head && pull.state === "open")) return send(422, { message: "Validation Failed", errors: [{ message: `A pull request already exists for ${repo.owner}:${head}.` }] });
      const pull = { number: repo.pulls.length + 1, head, base: String(body.base ?? repo.defaultBranch), title: String(body.title ?? ""), state: "open" };
      repo.pulls.push(pull);
      return send(201, this.pullJson(repo, pull));
    }
    return notFound();
  }

  private isAncestor(ancestor: string, of: string): boolean {
    const queue = [of];
    while (queue.length) {
      const sha = queue.pop()!;
      if (sha === ancestor) return true;
      queue.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  private repoJson(repo: Repo) {
    return {
      id: 1,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { login: repo.owner },
      private: repo.isPrivate,
      default_branch: repo.defaultBranch,
      html_url: `https://github.example/${repo.owner}/${repo.name}`,
    };
  }

  private pullJson(repo: Repo, pull: Repo["pulls"][number]) {
    return { number: pull.number, state: pull.state, title: pull.title, head: { ref: pull.head }, base: { ref: pull.base }, html_url: `https://github.example/${repo.owner}/${repo.name}/pull/${pull.number}` };
  }
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  return new FakeGitHub().start();
}
