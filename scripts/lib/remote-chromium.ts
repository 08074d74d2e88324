// A Chromium of the test's own, started apart from the platform with --remote-debugging-port, as
// a browser service would run it: tests point BROWSER_WS_ENDPOINT at it. It also watches, over a
// CDP connection of its own, which pages were opened in it, so a test can tell that the platform's
// QA really browsed there.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { canUseChromiumSandbox, chromiumArgs, findBrowser } from "../../server/browser/find-browser";

export type RemoteChromium = {
  /** The CDP endpoint Chromium printed: ws://127.0.0.1:<port>/devtools/browser/<id>. */
  wsEndpoint: string;
  pid: number;
  /** Every URL a page of it was at (targets created or navigated), in order, by anyone. */
  visitedUrls: () => string[];
  isRunning: () => boolean;
  stop: () => Promise<void>;
};

/**
 * `isCutOff`: the browser reaches no network of its own, loopback included (every request goes to
 * a proxy that is not there), as a browser on another machine could not reach the platform's
 * loopback: whatever it still loads was relayed to it over the connection.
 */
export async function startRemoteChromium({ isCutOff = false }: { isCutOff?: boolean } = {}): Promise<RemoteChromium> {
  const found = findBrowser({});
  if (!found.isFound) throw new Error(`This test needs a browser: ${found.reason}`);
  const profile = mkdtempSync(path.join(tmpdir(), "epic-remote-chromium-"));
  const args = [
    "--headless",
    ...(canUseChromiumSandbox() ? [] : ["--no-sandbox"]),
    ...chromiumArgs,
    `--user-data-dir=${profile}`,
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    ...(isCutOff ? ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"] : []),
    "about:blank",
  ];
  // A process group of its own, so that stop() ends its helper processes (zygote, renderers) with it.
  const child: ChildProcess = spawn(found.executablePath, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let hasExited = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => ((hasExited = true), resolve())));
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint within 60 s:\n${stderr}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`Chromium exited with ${code}:\n${stderr}`)));
  });

  // A watcher of its own: Target.setDiscoverTargets reports every page, whoever opened it.
  const visited: string[] = [];
  const watcher: Browser = await chromium.connectOverCDP(wsEndpoint);
  const session = await watcher.newBrowserCDPSession();
  const note = ({ targetInfo }: { targetInfo: { type: string; url: string } }) => {
    if (targetInfo.type === "page" && targetInfo.url && visited.at(-1) !== targetInfo.url) visited.push(targetInfo.url);
  };
  session.on("Target.targetCreated", note);
  session.on("Target.targetInfoChanged", note);
  await session.send("Target.setDiscoverTargets", { discover: true });

  return {
    wsEndpoint,
    pid: child.pid!,
    visitedUrls: () => [...visited],
    isRunning: () => !hasExited,
    async stop() {
      await watcher.close().catch(() => undefined);
      if (!hasExited) killGroup(child);
      await exited;
      // Its helpers die with the group, but one may still be writing to the profile for a moment
      // (CI saw ENOTEMPTY): removal is retried, and a temporary folder left behind fails no test.
      for (let attempt = 0; attempt < 20; attempt++) {
        killGroup(child);
        try {
          rmSync(profile, { recursive: true, force: true });
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      console.warn(`[remote-chromium] could not remove its profile ${profile}; leaving it in the temporary folder`);
    },
  };
}

/** SIGKILL to the browser's whole process group (it is the group's leader); nothing left is no error. */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}
