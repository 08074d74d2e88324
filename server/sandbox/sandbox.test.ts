// The QA sandbox, for real: generated tests that try to read the host's files, the platform's
// data folder or environment, or reach a server on loopback must fail inside it — and each of
// those same tests passes when run plainly on the host, so a failure inside proves the sandbox
// stopped it, not that the test was broken. A well-behaved app's tests pass inside.
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectSandbox } from "./detect-sandbox";
import { runBounded } from "./run-bounded";
import { runTestScript } from "./run-test-script";
import type { SandboxStatus } from "./sandbox-status";

const SECRET = "sandbox-test-secret-4f1c";
process.env.EPIC_SANDBOX_TEST_SECRET = SECRET;

let root: string;
let platformData: string;
let server: Server;
let port: number;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "epic-sandbox-test-"));
  // Traversable, as tmpdir() is: the apps below are bound by a bwrap that may run as 65534.
  await chmod(root, 0o711);
  // Stands in for the platform's DATA_DIR (.data/): a file the generated code must not see.
  platformData = path.join(root, "platform", ".data");
  await mkdir(platformData, { recursive: true });
  await writeFile(path.join(platformData, "auth-secret"), SECRET);
  // Stands in for the platform's database or any internal service on loopback.
  server = createServer((socket) => socket.end("hello from the platform\n"));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server?.close();
  await rm(root, { recursive: true, force: true });
});

const ESCAPES: Record<string, (context: { platformData: string; port: number }) => string> = {
  "reads /etc/passwd": () => `assert.match(fs.readFileSync("/etc/passwd", "utf8"), /^root:/m);`,
  "reads the platform's .data/": (c) => `assert.equal(fs.readFileSync(${JSON.stringify(path.join(c.platformData, "auth-secret"))}, "utf8"), ${JSON.stringify(SECRET)});`,
  "reads the platform's environment": () => `assert.equal(process.env.EPIC_SANDBOX_TEST_SECRET, ${JSON.stringify(SECRET)});`,
  "opens a socket to the platform on 127.0.0.1": (c) => `
    const line = await new Promise((resolve, reject) => {
      const socket = net.connect(${c.port}, "127.0.0.1");
      socket.on("data", (data) => resolve(String(data)));
      socket.on("error", reject);
    });
    assert.match(line, /hello from the platform/);`,
};

let appCount = 0;
/** A generated app whose one test tries `body`; package.json's test script is `node --test`, as generated apps have. */
async function writeApp(body: string): Promise<string> {
  const dir = path.join(root, `app-${++appCount}`);
  await mkdir(path.join(dir, "tests"), { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true, scripts: { test: "node --test" } }));
  await writeFile(path.join(dir, "src.js"), "module.exports = { add: (a, b) => a + b };\n");
  await writeFile(
    path.join(dir, "tests", "app.test.js"),
    `const test = require("node:test");\nconst assert = require("node:assert");\nconst fs = require("node:fs");\nconst net = require("node:net");\nconst path = require("node:path");\ntest("the attempt", async () => {\n${body}\n});\n`,
  );
  return dir;
}

/** Plainly on the host with our whole environment: what the sandbox must prevent. */
async function runOnHost(dir: string) {
  const result = await runBounded(process.execPath, ["--test"], { cwd: dir, env: process.env as Record<string, string>, timeoutMs: 60_000 });
  return { passed: result.exitCode === 0, output: result.output };
}

function sleepersAlive(): string[] {
  return readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8") === "sleep\u00006131\u0000";
    } catch {
      return false;
    }
  });
}

const runIn = (sandbox: SandboxStatus, dir: string, timeoutMs = 60_000) => runTestScript({ copyDir: dir, script: "node --test", sandbox, timeoutMs, maxOldSpaceMb: 256 });

const bwrap = await detectSandbox("bwrap");
const nodePermission = await detectSandbox("node-permission");

describe.skipIf(!bwrap.canRunTests)(`bubblewrap${bwrap.canRunTests ? "" : ` — skipped: ${bwrap.summary}`}`, { timeout: 120_000 }, () => {
  it("runs a well-behaved app's tests, which can read and write their own folder and /tmp", async () => {
    const dir = await writeApp(`
      assert.equal(require("../src.js").add(2, 3), 5);
      fs.writeFileSync(path.join(__dirname, "written.txt"), "ok");
      fs.writeFileSync("/tmp/scratch.txt", "ok");
      assert.equal(fs.readFileSync("/tmp/scratch.txt", "utf8"), "ok");
      assert.equal(process.getuid(), 65534);`);
    const result = await runIn(bwrap, dir);
    expect(result.output).toContain("QA sandbox: bubblewrap");
    expect(result, result.output).toMatchObject({ ran: true, passed: true });
    // Written through the read-write bind, as 65534 on the host when the platform is root.
    const written = await stat(path.join(dir, "tests", "written.txt"));
    if (bwrap.dropsHostUid) expect(written.uid).toBe(65534);
  });

  for (const [name, attempt] of Object.entries(ESCAPES)) {
    it(`fails a generated test that ${name} (which passes on the host)`, async () => {
      const dir = await writeApp(attempt({ platformData, port }));
      const host = await runOnHost(dir);
      expect(host.passed, host.output).toBe(true);
      const sandboxed = await runIn(bwrap, dir);
      expect(sandboxed.ran).toBe(true);
      expect(sandboxed.passed, sandboxed.output).toBe(false);
      expect(sandboxed.output).toMatch(/not ok 1 - the attempt/);
    });
  }

  it("kills a test that never ends, with everything it started", async () => {
    // An odd duration names the child among the machine's processes.
    const dir = await writeApp(`require("node:child_process").spawn("sleep", ["6131"]); await new Promise(() => setInterval(() => {}, 1000));`);
    const result = await runIn(bwrap, dir, 3_000);
    expect(result).toMatchObject({ ran: true, passed: false });
    expect(result.output).toContain("Killed after 3 s");
    // Its PID namespace dies with it; give the kernel a moment to reap.
    for (let i = 0; i < 50 && sleepersAlive().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sleepersAlive()).toEqual([]);
  });
});

describe.skipIf(!nodePermission.canRunTests)(`Node's permission model (the fallback)${nodePermission.canRunTests ? "" : ` — skipped: ${nodePermission.summary}`}`, { timeout: 120_000 }, () => {
  it("runs a well-behaved app's tests", async () => {
    const dir = await writeApp(`assert.equal(require("../src.js").add(2, 3), 5); fs.writeFileSync(path.join(__dirname, "written.txt"), "ok");`);
    const result = await runIn(nodePermission, dir);
    expect(result, result.output).toMatchObject({ ran: true, passed: true });
  });

  for (const name of ["reads /etc/passwd", "reads the platform's .data/", "reads the platform's environment"]) {
    it(`fails a generated test that ${name}`, async () => {
      const dir = await writeApp(ESCAPES[name]!({ platformData, port }));
      expect((await runOnHost(dir)).passed).toBe(true);
      const result = await runIn(nodePermission, dir);
      expect(result.passed, result.output).toBe(false);
      expect(result.output).toMatch(/not ok 1 - the attempt/);
    });
  }

  it("fails a generated test that starts a process (a child would escape the permission model)", async () => {
    const dir = await writeApp(`require("node:child_process").execFileSync(process.execPath, ["-e", "0"]);`);
    expect((await runOnHost(dir)).passed).toBe(true);
    const result = await runIn(nodePermission, dir);
    expect(result.passed, result.output).toBe(false);
  });

  it("does NOT isolate the network — why it is only the fallback, announced with a warning", async () => {
    const dir = await writeApp(ESCAPES["opens a socket to the platform on 127.0.0.1"]!({ platformData, port }));
    const result = await runIn(nodePermission, dir);
    expect(result.passed, result.output).toBe(true);
    expect(nodePermission).toMatchObject({ isolatesNetwork: false, isolatesFiles: true });
    expect(nodePermission.warning).toContain("CAN open network connections");
  });

  it("refuses a test script it cannot vouch for (a shell command) instead of running it", async () => {
    const dir = await writeApp(`assert.ok(true);`);
    const result = await runTestScript({ copyDir: dir, script: "node --test && cat /etc/passwd", sandbox: nodePermission, timeoutMs: 60_000, maxOldSpaceMb: 256 });
    expect(result).toMatchObject({ ran: false, passed: false });
    expect(result.output).toContain("shell syntax");
  });
});

describe("detecting the sandbox", () => {
  it("auto picks bubblewrap when it works, else the permission model with a warning", async () => {
    const auto = await detectSandbox("auto");
    expect(auto.kind).toBe(bwrap.canRunTests ? "bwrap" : "node-permission");
    expect(auto.warning === null).toBe(auto.kind === "bwrap");
  });

  it("without bubblewrap: auto falls back with a warning, QA_SANDBOX=bwrap refuses to run tests, off warns", async () => {
    const noTools = { bwrapPath: null, setprivPath: null };
    const auto = await detectSandbox("auto", noTools);
    expect(auto).toMatchObject({ kind: "node-permission", canRunTests: true, isolatesNetwork: false });
    expect(auto.warning).toContain("bubblewrap (bwrap) is not installed");
    const strict = await detectSandbox("bwrap", noTools);
    expect(strict).toMatchObject({ kind: "none", canRunTests: false });
    const dir = await writeApp(`assert.ok(true);`);
    expect(await runIn(strict, dir)).toMatchObject({ ran: false, passed: false });
    const off = await detectSandbox("off");
    expect(off).toMatchObject({ kind: "none", canRunTests: true });
    expect(off.warning).toContain("QA sandbox: NONE");
  });

  it("a bwrap that is not bubblewrap fails the probe instead of being trusted", async () => {
    const fake = await detectSandbox("bwrap", { bwrapPath: "/bin/true", setprivPath: null });
    expect(fake).toMatchObject({ canRunTests: false });
  });
});
