// Test support: a loopback fake of the Cloudflare API for the Workers static-assets flow our
// Cloudflare target runs through the real `cloudflare` SDK (baseURL): token verify, account
// lookup, the assets upload session (answering the hashes it lacks, in buckets of two), bucket
// uploads authenticated by the session JWT only, the worker upload (a multipart form whose
// metadata must carry the completion token), the workers.dev route and the account subdomain.
// Deployed workers serve their assets under `<url>/_hosts/<script>.<subdomain>.workers.dev/…`.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackFake } from "./loopback-fake";

type Session = { script: string; manifest: Record<string, { hash: string; size: number }>; pending: Set<string>; kind: "session" | "completion" };
type Worker = { name: string; assets: Record<string, { hash: string; size: number }>; etag: string; mainModule: string; moduleSource: string; workersDev: boolean; versions: number };
type Fault = { method: string; path: RegExp; status: number; code: number; message: string; times: number; headers: Record<string, string> };

const BUCKET_SIZE = 2;
const contentTypes: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8", json: "application/json", svg: "image/svg+xml", png: "image/png", txt: "text/plain; charset=utf-8" };

export class FakeCloudflare extends LoopbackFake {
  readonly tokens = new Map<string, { accountId: string; isRevoked?: boolean }>();
  readonly accounts = new Map<string, string>();
  readonly assets = new Map<string, Buffer>();
  readonly workers = new Map<string, Worker>();
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  subdomain = "epic-test";
  private readonly sessions = new Map<string, Session>();
  private readonly faults: Fault[] = [];


  /** The next `times` requests matching method and path answer this error, with `headers` (a 429's Retry-After). */
  failNext(method: string, path: RegExp, status: number, code: number, message: string, times = 1, headers: Record<string, string> = {}) {
    this.faults.push({ method, path, status, code, message, times, headers });
  }
  /** Forgets the faults not yet served. */
  clearFaults() {
    this.faults.length = 0;
  }


  /** Where the fake serves what Cloudflare would serve at https://<host>/. */
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
    const send = (code: number, result: unknown) => {
      status = code;
      response.writeHead(code, { "content-type": "application/json" });
      response.end(JSON.stringify({ success: code < 400, errors: [], messages: [], result }));
    };
    const error = (code: number, cfCode: number, message: string, headers: Record<string, string> = {}) => {
      status = code;
      response.writeHead(code, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify({ success: false, errors: [{ code: cfCode, message }], messages: [], result: null }));
    };
    try {
      if (method === "GET" && path.startsWith("/_hosts/")) {
        const served = this.serve(path);
        status = served.status;
        response.writeHead(served.status, { "content-type": served.contentType });
        response.end(served.body);
        return;
      }
      const fault = this.faults.find((item) => item.method === method && item.path.test(path) && item.times > 0);
      if (fault) {
        fault.times -= 1;
        return error(fault.status, fault.code, fault.message, fault.headers);
      }
      const bearer = String(request.headers.authorization ?? "").match(/^Bearer (.+)$/)?.[1] ?? "";

      // Bucket uploads: only an upload session's JWT is accepted, never an API token.
      let match = path.match(/^\/accounts\/([^/]+)\/workers\/assets\/upload$/);
      if (method === "POST" && match) {
        const session = this.sessions.get(bearer);
        if (!session || session.kind !== "session") return error(401, 10000, "Authentication error: an asset upload session token is required");
        if (url.searchParams.get("base64") !== "true") return error(400, 10021, "base64=true is required");
        const form = await new Request("http://fake/", { method: "POST", headers: { "content-type": String(request.headers["content-type"]) }, body }).formData();
        for (const [hash, value] of form.entries()) {
          if (!session.pending.has(hash)) return error(400, 10021, `Hash ${hash} was not requested by this upload session`);
          const text = typeof value === "string" ? value : await value.text();
          this.assets.set(hash, Buffer.from(text, "base64"));
          session.pending.delete(hash);
        }
        if (session.pending.size > 0) return send(202, {});
        return send(201, { jwt: this.issue({ ...session, kind: "completion" }) });
      }

      const token = this.tokens.get(bearer);
      if (!token || token.isRevoked) return error(401, 10000, "Authentication error");
      if (method === "GET" && path === "/user/tokens/verify") return send(200, { id: "tok_1", status: "active" });
      match = path.match(/^\/accounts\/([^/]+)(\/.*)?$/);
      if (!match) return error(404, 7003, "Could not route to the requested path");
      const accountId = match[1]!;
      const rest = match[2] ?? "";
      if (token.accountId !== accountId || !this.accounts.has(accountId)) return error(403, 10000, "Authentication error: the token cannot access this account");
      if (method === "GET" && rest === "") return send(200, { id: accountId, name: this.accounts.get(accountId), type: "standard" });
      if (method === "GET" && rest === "/workers/subdomain") return send(200, { subdomain: this.subdomain });

      match = rest.match(/^\/workers\/scripts\/([a-z0-9-]+)(\/.*)?$/);
      if (!match) return error(404, 7003, "Could not route to the requested path");
      const script = match[1]!;
      const sub = match[2] ?? "";
      if (method === "POST" && sub === "/assets-upload-session") {
        const manifest = (JSON.parse(body.toString("utf8")) as { manifest?: Session["manifest"] }).manifest ?? {};
        const missing = [...new Set(Object.values(manifest).map((entry) => entry.hash))].filter((hash) => !this.assets.has(hash));
        if (missing.length === 0) return send(200, { jwt: this.issue({ script, manifest, pending: new Set(), kind: "completion" }), buckets: [] });
        const buckets: string[][] = [];
        for (let start = 0; start < missing.length; start += BUCKET_SIZE) buckets.push(missing.slice(start, start + BUCKET_SIZE));
        return send(200, { jwt: this.issue({ script, manifest, pending: new Set(missing), kind: "session" }), buckets });
      }
      if (method === "PUT" && sub === "") {
        const form = await new Request("http://fake/", { method: "PUT", headers: { "content-type": String(request.headers["content-type"]) }, body }).formData();
        const metadataPart = form.get("metadata");
        if (!metadataPart) return error(400, 10021, "could not read content for part metadata");
        const metadata = JSON.parse(typeof metadataPart === "string" ? metadataPart : await metadataPart.text()) as { main_module?: string; assets?: { jwt?: string } };
        const completion = metadata.assets?.jwt ? this.sessions.get(metadata.assets.jwt) : undefined;
        if (!completion || completion.kind !== "completion" || completion.script !== script) return error(400, 10021, "The assets completion token is invalid or for another script");
        const modules = [...form.values()].filter((value): value is File => typeof value !== "string" && value.name === metadata.main_module);
        if (!metadata.main_module || modules.length !== 1) return error(400, 10021, `No module part named ${metadata.main_module ?? "(main_module missing)"}`);
        const previous = this.workers.get(script);
        const worker: Worker = { name: script, assets: completion.manifest, etag: randomBytes(16).toString("hex"), mainModule: metadata.main_module, moduleSource: await modules[0]!.text(), workersDev: previous?.workersDev ?? false, versions: (previous?.versions ?? 0) + 1 };
        this.workers.set(script, worker);
        return send(200, { id: script, etag: worker.etag, created_on: new Date().toISOString(), modified_on: new Date().toISOString(), has_assets: true, startup_time_ms: 1 });
      }
      if (method === "POST" && sub === "/subdomain") {
        const worker = this.workers.get(script);
        if (!worker) return error(404, 10007, "This Worker does not exist on your account.");
        worker.workersDev = (JSON.parse(body.toString("utf8")) as { enabled?: boolean }).enabled === true;
        return send(200, { enabled: worker.workersDev, previews_enabled: false });
      }
      return error(404, 7003, `The fake does not implement ${method} ${path}`);
    } catch (caught) {
      return error(500, 10013, caught instanceof Error ? caught.message : String(caught));
    } finally {
      this.requests.push({ method, path: url.pathname + url.search, status });
    }
  }

  private issue(session: Session): string {
    const jwt = `eyJ${randomBytes(24).toString("base64url")}`;
    this.sessions.set(jwt, session);
    return jwt;
  }

  private serve(path: string): { status: number; contentType: string; body: Buffer | string } {
    const [, , host = "", ...rest] = path.split("/");
    const name = host.endsWith(`.${this.subdomain}.workers.dev`) ? host.slice(0, -`.${this.subdomain}.workers.dev`.length) : "";
    const worker = this.workers.get(name);
    if (!worker || !worker.workersDev) return { status: 404, contentType: "text/plain", body: "There is nothing here yet" };
    let file = `/${rest.join("/")}`;
    if (file.endsWith("/")) file += "index.html";
    // not_found_handling: single-page-application.
    const entry = worker.assets[file] ?? worker.assets["/index.html"];
    const content = entry ? this.assets.get(entry.hash) : undefined;
    if (!entry || !content) return { status: 404, contentType: "text/plain", body: "Not found" };
    return { status: 200, contentType: contentTypes[(worker.assets[file] ? file : "/index.html").split(".").pop() ?? ""] ?? "application/octet-stream", body: content };
  }
}

export async function startFakeCloudflare(): Promise<FakeCloudflare> {
  return new FakeCloudflare().start();
}
