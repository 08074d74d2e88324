// Chromium's own sandbox, for real: chrome://sandbox is Chromium's account of it. As root the
// platform must turn it off (Chromium will not start otherwise) and says so; as an ordinary user
// it keeps it — proved, when this test runs as root, by running the launch as uid 65534.
import { execFile, execFileSync } from "node:child_process";
import { accessSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { canUseChromiumSandbox, findBrowser } from "./find-browser";
import { chromiumSandboxStatus, launchChromiumAt } from "./try-launch";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const browser = findBrowser({});
const isRoot = process.getuid?.() === 0;
const hasSetpriv = (() => {
  try {
    accessSync("/usr/bin/setpriv");
    return true;
  } catch {
    return false;
  }
})();
const ADEQUATE = "You are adequately sandboxed.";
// The uid-65534 run executes the checkout's own tsx and modules: a checkout inside a private
// directory (mktemp -d is 0700) is out of that user's reach, and then there is nothing to prove.
const tsxPath = path.join(repoRoot, "node_modules/.bin/tsx");
const isCheckoutReadableByNobody =
  isRoot &&
  hasSetpriv &&
  (() => {
    try {
      execFileSync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/test", "-r", path.join(repoRoot, "node_modules/tsx/package.json")], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

const dir = mkdtempSync(path.join(tmpdir(), "epic-chromium-sandbox-"));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("canUseChromiumSandbox", () => {
  it("turns Chromium's sandbox off only for root", () => {
    expect(canUseChromiumSandbox(0)).toBe(false);
    expect(canUseChromiumSandbox(1000)).toBe(true);
    expect(canUseChromiumSandbox(65534)).toBe(true);
    // Windows and macOS: no uid, Chromium's sandbox stays.
    expect(canUseChromiumSandbox(null)).toBe(true);
  });
});

describe.skipIf(!browser.isFound)("Chromium launched for QA", { timeout: 180_000 }, () => {
  const executablePath = browser.isFound ? browser.executablePath : "";

  it("is sandboxed exactly when chromiumSandboxStatus says so (this process's user)", async () => {
    const launched = await launchChromiumAt(executablePath);
    try {
      const page = await launched.newPage();
      await page.goto("chrome://sandbox");
      const text = await page.innerText("body");
      const status = chromiumSandboxStatus();
      expect(status.isSandboxed).toBe(text.includes(ADEQUATE));
      if (isRoot) expect(status).toMatchObject({ isSandboxed: false, reason: expect.stringContaining("root") });
    } finally {
      await launched.close();
    }
  });

  it.skipIf(!isCheckoutReadableByNobody)("keeps its sandbox when the platform is an ordinary user (uid 65534)", async () => {
    const script = path.join(dir, "check.mts");
    writeFileSync(
      script,
      `import { chromiumSandboxStatus, launchChromiumAt } from ${JSON.stringify(path.join(here, "try-launch.ts"))};
const browser = await launchChromiumAt(process.argv[2]);
const page = await browser.newPage();
await page.goto("chrome://sandbox");
console.log(JSON.stringify({ status: chromiumSandboxStatus(), text: await page.innerText("body") }));
await browser.close();
`,
    );
    chmodSync(script, 0o644);
    const { stdout } = await run(
      "/usr/bin/setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", tsxPath, script, executablePath],
      { cwd: dir, env: { NODE_ENV: "test", HOME: dir, PATH: "/usr/bin:/bin" }, timeout: 150_000 },
    );
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { status: { isSandboxed: boolean }; text: string };
    expect(result.status).toEqual({ isSandboxed: true });
    expect(result.text).toContain(ADEQUATE);
  });
});
