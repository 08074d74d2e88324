// Test support: a loopback fake of the Vercel REST API for the calls our Vercel target makes
// through the real @vercel/sdk (serverURL): GET /v2/user, GET /v2/teams/:id, POST /v2/files (by
// SHA1 in x-vercel-digest, checked), POST /v13/deployments (every file must have been uploaded,
// else 400 missing_files), GET /v13/deployments/:id (BUILDING for `buildPolls` polls, then READY)
// and POST /v2/deployments/:id/aliases. Deployments and aliases are served under
// `<url>/_hosts/<host>/…` (index.html for a folder), so tests fetch what Vercel would serve.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackFake } from "./loopback-fake";

export type FakeVercelToken = { username: string; teams?: string[]; isRevoked?: boolean };
type FakeDeployment = { id: string; name: string; url: string; files: Map<string, string>; polls: number; readyState: "BUILDING" | "READY" | "ERROR"; teamId: string | null; target: string | null };
type Fault = { method: string; path: RegExp; status: number; code: string; message: string; times: number; headers: Record<string, string> };

const contentTypes: Record<string, string> = { html: "text/html; charset=utf-8", js: "application/javascript; charset=utf-8", css: "text/css; charset=utf-8", json: "application/json; charset=utf-8", svg: "image/svg+xml", png: "image/png", txt: "text/plain; charset=utf-8" };

export class FakeVercel extends LoopbackFake {
  readonly tokens = new Map<string, FakeVercelToken>();
  readonly blobs = new Map<string, Buffer>();
  readonly deployments = new Map<string, FakeDeployment>();
  readonly aliases = new Map<string, string>();
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  /** Polls that answer BUILDING before a deployment is READY. */
  buildPolls = 1;
  private readonly faults: Fault[] = [];


  /** The next `times` requests matching method and path answer this error, with `headers` (a 429's Retry-After). */
  failNext(method: string, path: RegExp, status: number, code: string, message: string, times = 1, headers: Record<string, string> = {}) {
    this.faults.push({ method, path, status, code, message, times, headers });
  }
  /** Forgets the faults not yet served. */
  clearFaults() {
    this.faults.length = 0;
  }


  /** Where the fake serves what Vercel would serve at https://<host>/. */
  servedUrl(publicUrl: string): string {
    return `${this.url}/_hosts/${new URL(publicUrl).host}/`;
  }

  protected async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    const path = decodeURIComponent(url.pathname);
    let status = 500;
    const send = (code: number, payload: unknown, headers: Record<string, string> = {}) => {
      status = code;
      if (Buffer.isBuffer(payload)) {
        response.writeHead(code, headers);
        response.end(payload);
        return;
      }
      response.writeHead(code, { "content-type": "application/json; charset=utf-8", ...headers });
      response.end(JSON.stringify(payload));
    };
    const error = (code: number, errorCode: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      send(code, { error: { code: errorCode, message, ...extra } }, headers);
    try {
      if (method === "GET" && path.startsWith("/_hosts/")) return this.serve(path, send, error);
      const fault = this.faults.find((item) => item.method === method && item.path.test(path) && item.times > 0);
      if (fault) {
        fault.times -= 1;
        return error(fault.status, fault.code, fault.message, {}, fault.headers);
      }
      const bearer = String(request.headers.authorization ?? "").match(/^Bearer (.+)$/)?.[1];
      const token = bearer ? this.tokens.get(bearer) : undefined;
      if (!token || token.isRevoked) return error(403, "forbidden", "The token provided is invalid or has been revoked.", { invalidToken: true });
      const teamId = url.searchParams.get("teamId");
      if (teamId && !token.teams?.includes(teamId)) return error(403, "forbidden", "Not authorized: the token cannot access this team.");

      if (method === "GET" && path === "/v2/user") {
        return send(200, { user: { id: `u_${token.username}`, email: `${token.username}@example.com`, name: token.username, username: token.username, avatar: null, defaultTeamId: null, limited: true } });
      }
      let match = path.match(/^\/v2\/teams\/([^/]+)$/);
      if (method === "GET" && match) {
        if (!token.teams?.includes(match[1]!)) return error(404, "not_found", "Team not found");
        const now = Date.now();
        return send(200, { id: match[1], slug: `team-${match[1]}`, name: "Team", avatar: null, billing: null, createdAt: now, updatedAt: now, creatorId: "u", description: null, stagingPrefix: "team" });
      }
      if (method === "POST" && path === "/v2/files") {
        const digest = String(request.headers["x-vercel-digest"] ?? request.headers["x-now-digest"] ?? "");
        const actual = createHash("sha1").update(body).digest("hex");
        if (digest !== actual) return error(400, "invalid_digest", `The file's SHA1 is ${actual}, not ${digest}`);
        this.blobs.set(digest, body);
        return send(200, { urls: [] });
      }
      if (method === "POST" && path === "/v13/deployments") {
        const input = JSON.parse(body.toString("utf8")) as { name: string; target?: string; files?: Array<{ file: string; sha?: string }> };
        const missing = (input.files ?? []).filter((file) => !file.sha || !this.blobs.has(file.sha)).map((file) => file.sha);
        if (missing.length) return error(400, "missing_files", "Missing files", { missing });
        const id = `dpl_${randomBytes(8).toString("hex")}`;
        const deployment: FakeDeployment = {
          id,
          name: input.name,
          url: `${input.name}-${id.slice(4, 13)}.vercel.app`,
          files: new Map((input.files ?? []).map((file) => [file.file, file.sha!])),
          polls: 0,
          readyState: "BUILDING",
          teamId,
          target: input.target ?? null,
        };
        this.deployments.set(id, deployment);
        return send(200, this.deploymentJson(deployment));
      }
      match = path.match(/^\/v13\/deployments\/([^/]+)$/);
      if (method === "GET" && match) {
        const deployment = this.deployments.get(match[1]!) ?? [...this.deployments.values()].find((item) => item.url === match![1]);
        if (!deployment) return error(404, "not_found", "Deployment not found");
        deployment.polls += 1;
        if (deployment.readyState === "BUILDING" && deployment.polls > this.buildPolls) deployment.readyState = "READY";
        return send(200, this.deploymentJson(deployment));
      }
      match = path.match(/^\/v2\/deployments\/([^/]+)\/aliases$/);
      if (method === "POST" && match) {
        const deployment = this.deployments.get(match[1]!);
        if (!deployment) return error(404, "not_found", "Deployment not found");
        if (deployment.readyState !== "READY") return error(400, "deployment_not_ready", "The deployment is not ready");
        const alias = String((JSON.parse(body.toString("utf8")) as { alias?: string }).alias ?? "");
        this.aliases.set(alias, deployment.id);
        return send(200, { uid: `alias_${randomBytes(6).toString("hex")}`, alias, created: new Date().toISOString(), oldDeploymentId: null });
      }
      return error(404, "not_found", `The fake does not implement ${method} ${path}`);
    } catch (caught) {
      return error(500, "internal_server_error", caught instanceof Error ? caught.message : String(caught));
    } finally {
      this.requests.push({ method, path: url.pathname + url.search, status });
    }
  }

  private deploymentJson(deployment: FakeDeployment) {
    return { id: deployment.id, url: deployment.url, name: deployment.name, readyState: deployment.readyState, aliasAssigned: false, target: deployment.target, createdAt: Date.now() };
  }

  private serve(path: string, send: (code: number, payload: unknown, headers?: Record<string, string>) => void, error: (code: number, errorCode: string, message: string) => void) {
    const [, , host = "", ...rest] = path.split("/");
    const id = this.aliases.get(host) ?? [...this.deployments.values()].find((item) => item.url === host)?.id;
    const deployment = id ? this.deployments.get(id) : undefined;
    if (!deployment || deployment.readyState !== "READY") return error(404, "DEPLOYMENT_NOT_FOUND", "The deployment could not be found on Vercel.");
    const file = rest.join("/") || "index.html";
    const sha = deployment.files.get(file.endsWith("/") ? `${file}index.html` : file);
    if (!sha) return error(404, "NOT_FOUND", "The page could not be found");
    return send(200, this.blobs.get(sha)!, { "content-type": contentTypes[file.split(".").pop() ?? ""] ?? "application/octet-stream" });
  }
}

export async function startFakeVercel(): Promise<FakeVercel> {
  return new FakeVercel().start();
}
