// A GitHub stand-in for tests, speaking the wire format of GitHub's OAuth web flow and the two
// REST endpoints sign-in reads. It approves every authorization at once (no login page), as if
// the user had already granted the app.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeGitHubUser = { id: number; login: string; name: string; email: string; isEmailPublic: boolean };

export type FakeGitHubOptions = { clientId: string; clientSecret: string; user: FakeGitHubUser; port?: number };

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

/** Client credentials as GitHub accepts them: HTTP Basic or form fields. */
function clientCredentials(request: IncomingMessage, form: URLSearchParams) {
  const basic = request.headers.authorization?.match(/^Basic (.+)$/i);
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":").map(decodeURIComponent);
    return { id, secret };
  }
  return { id: form.get("client_id"), secret: form.get("client_secret") };
}

export async function startFakeGitHub({ clientId, clientSecret, user, port = 0 }: FakeGitHubOptions) {
  const codes = new Map<string, string>(); // code → redirect_uri it was issued for
  const tokens = new Set<string>();

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake-github");
    try {
      if (request.method === "GET" && url.pathname === "/login/oauth/authorize") {
        const redirectUri = url.searchParams.get("redirect_uri");
        if (url.searchParams.get("client_id") !== clientId || !redirectUri) return json(response, 400, { error: "bad_request" });
        const code = randomBytes(10).toString("hex");
        codes.set(code, redirectUri);
        const back = new URL(redirectUri);
        back.searchParams.set("code", code);
        const state = url.searchParams.get("state");
        if (state) back.searchParams.set("state", state);
        response.writeHead(302, { Location: back.toString() });
        return response.end();
      }
      if (request.method === "POST" && url.pathname === "/login/oauth/access_token") {
        const form = new URLSearchParams(await readBody(request));
        const client = clientCredentials(request, form);
        const code = form.get("code") ?? "";
        if (client.id !== clientId || client.secret !== clientSecret) return json(response, 200, { error: "incorrect_client_credentials" });
        if (!codes.has(code) || (form.get("redirect_uri") && form.get("redirect_uri") !== codes.get(code))) {
          return json(response, 200, { error: "bad_verification_code" });
        }
        codes.delete(code);
        const token = `gho_${randomBytes(16).toString("hex")}`;
        tokens.add(token);
        return json(response, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
      }
      const token = request.headers.authorization?.match(/^(?:token|Bearer) (.+)$/i)?.[1];
      if (url.pathname === "/api/v3/user" || url.pathname === "/api/v3/user/emails") {
        if (!token || !tokens.has(token)) return json(response, 401, { message: "Bad credentials" });
        if (url.pathname === "/api/v3/user") {
          return json(response, 200, {
            id: user.id,
            login: user.login,
            name: user.name,
            email: user.isEmailPublic ? user.email : null,
            avatar_url: `https://avatars.example.test/u/${user.id}`,
          });
        }
        return json(response, 200, [{ email: user.email, primary: true, verified: true, visibility: user.isEmailPublic ? "public" : "private" }]);
      }
      return json(response, 404, { message: "Not Found" });
    } catch (error) {
      return json(response, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    webUrl: origin,
    apiUrl: `${origin}/api/v3`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
