// Serves the app for the Playwright suite: the quick-start path on a brand-new data folder, with
// GitHub sign-in pointed at a local fake GitHub (the real OAuth flow, through NextAuth, offline).
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fakeGitHub } from "../e2e/support/fake-github";
import { startFakeGitHub } from "../server/auth/testing/fake-github-server";
import { run } from "./lib/run";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
const dataDir = path.resolve(".data", `e2e-${values.port}`);
rmSync(dataDir, { recursive: true, force: true });

const github = await startFakeGitHub(fakeGitHub);
try {
  await run(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", values.port!, "--data-dir", dataDir], {
    env: {
      ...process.env,
      NEXTAUTH_URL: `http://localhost:${values.port}`,
      GITHUB_ID: fakeGitHub.clientId,
      GITHUB_SECRET: fakeGitHub.clientSecret,
      GITHUB_URL: github.webUrl,
      GITHUB_API_URL: github.apiUrl,
      // The sign-in abuse spec plays attackers at many addresses through X-Forwarded-For, as one
      // trusted proxy would report them; a browser sending none is its TCP peer (127.0.0.1).
      TRUST_PROXY: "1",
      // The deploy journey connects loopback fakes of GitHub, Vercel, Cloudflare and S3 through each
      // connection's own base-URL field, as a GitHub Enterprise or S3-compatible store would be. The
      // production build refuses private endpoints by default (SSRF); this instance is a test's.
      INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS: "true",
    },
  });
} finally {
  await github.close();
}
