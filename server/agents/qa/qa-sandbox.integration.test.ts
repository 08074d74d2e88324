// QA with its sandboxes, for real: a generated app's own tests pass inside the QA sandbox while an
// added test that reads the host's /etc/passwd fails there (and passes on the host); and in the
// browser, a page that fetches another loopback origin — the platform, say — is blocked and
// reported, while the same page outside QA's restriction does reach it.
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "~/server/browser/launch-browser";
import { compileAppPlan, generateAppFiles } from "~/server/llm/offline";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { detectSandbox } from "~/server/sandbox/detect-sandbox";
import { runBounded } from "~/server/sandbox/run-bounded";
import { runQaAgent } from "../qa-agent";
import { runAcceptanceChecks } from "./run-acceptance-checks";

const PASSWD_TEST: TGeneratedFile = {
  path: "tests/escape.test.js",
  // ES modules, like the generated app's own tests ("type": "module").
  content: `import test from "node:test";\nimport assert from "node:assert";\nimport fs from "node:fs";\ntest("reads the host's users", () => {\n  assert.match(fs.readFileSync("/etc/passwd", "utf8"), /^root:/m);\n});\n`,
};

const bwrap = await detectSandbox("bwrap");

describe.skipIf(!bwrap.canRunTests)(`the app's own tests in QA${bwrap.canRunTests ? "" : ` — skipped: ${bwrap.summary}`}`, { timeout: 240_000 }, () => {
  it("run in bubblewrap: the generated tests pass, a test reading /etc/passwd fails (and passes on the host)", async () => {
    const compiled = compileAppPlan("a tip calculator to split the bill");
    if (!compiled.ok) throw new Error(compiled.error);
    const plan = compiled.plan;
    const files = [...generateAppFiles(plan), PASSWD_TEST];

    const dir = await mkdtemp(path.join(tmpdir(), "epic-qa-host-"));
    try {
      for (const file of files) {
        await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
        await writeFile(path.join(dir, file.path), file.content);
      }
      const host = await runBounded(process.execPath, ["--test"], { cwd: dir, env: { PATH: process.env.PATH ?? "" }, timeoutMs: 60_000 });
      expect(host.output).toMatch(/# fail 0/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const report = await runQaAgent({ plan, files });
    expect(report.testCommand).toMatchObject({ ran: true, passed: false, sandbox: "bwrap" });
    expect(report.testCommand.output).toMatch(/not ok \d+ - reads the host's users/);
    expect(report.testCommand.output).toMatch(/# fail 1\n/);
    expect(report.testCommand.output).toMatch(/# pass [1-9]/);
    expect(report.failures.map((failure) => failure.checkId)).toEqual(["app-tests"]);
  });
});

describe("the browser in QA reaches only the app under test", { timeout: 120_000 }, () => {
  let browser: Browser;
  let app: Server;
  let platform: Server;
  let appUrl: string;
  const platformHits: string[] = [];

  async function listen(server: Server): Promise<number> {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return (server.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    // Stands in for the platform (or anything else on loopback) that a prompt-injected app would call.
    platform = createServer((req, res) => {
      platformHits.push(req.url ?? "");
      res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" }).end("secret");
    });
    const platformPort = await listen(platform);
    const other = `http://127.0.0.1:${platformPort}`;
    // No CSP on purpose: the route must hold where the preview CSP would not.
    const page = `<!doctype html><html><body><h1>Loaded</h1><p id="out">waiting</p><img src="${other}/pixel.png" alt="">
<script>
fetch("${other}/api/steal?cookie=1").then((r) => r.text()).then((text) => { out.textContent = "reached: " + text; }, () => { out.textContent = "blocked"; });
try { new WebSocket("ws://127.0.0.1:${platformPort}/socket"); } catch {}
fetch("http://localhost:${platformPort}/api/by-name").catch(() => {});
</script><iframe src="${other}/frame" title="frame"></iframe></body></html>`;
    app = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page));
    appUrl = `http://127.0.0.1:${await listen(app)}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    app?.close();
    platform?.close();
  });

  it("without QA's restriction the page reaches the other origin (so the test can see a leak)", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(appUrl);
      await page.getByText("reached: secret").waitFor();
      expect(platformHits).toContain("/api/steal?cookie=1");
    } finally {
      await context.close();
      platformHits.length = 0;
    }
  });

  it("in QA the fetch, the image, the frame, another name for loopback and the WebSocket are blocked, reported with the check, and not a failure", async () => {
    const plan: Pick<TPlan, "acceptanceChecks"> = {
      acceptanceChecks: [{ id: "loads", description: "the page loads", requirementIds: [], steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "blocked" }] }],
    };
    const report = await runAcceptanceChecks({ baseUrl: appUrl, plan, browser });
    expect(platformHits).toEqual([]);
    const otherOrigin = new URL(`http://127.0.0.1:${(platform.address() as AddressInfo).port}`).origin;
    const platformPort = new URL(otherOrigin).port;
    expect(report.blockedRequests).toEqual(
      expect.arrayContaining([`${otherOrigin}/api/steal?cookie=1`, `${otherOrigin}/pixel.png`, `${otherOrigin}/frame`, `http://localhost:${platformPort}/api/by-name`]),
    );
    expect(report.blockedRequests.some((url) => url.startsWith(`ws://127.0.0.1:${platformPort}/socket`))).toBe(true);
    expect(report.checks[0]).toMatchObject({ status: "passed", blockedRequests: report.blockedRequests });
    expect(report.checks[0]!.message).toMatch(/^passed; blocked 5 request\(s\) outside the app under test/);
    expect(report.consoleErrors).toEqual([]);
    expect(report.passed).toBe(true);
  });
});
