// The browser variables' validation, shared by server/env.ts (the app) and the scripts that run
// before the app's environment exists (`npm test`, the Playwright config), so a bad value gets
// the same message wherever it is read.
import path from "node:path";
import { z } from "zod";

const absolutePath = (name: string) =>
  z.string().refine((value) => path.isAbsolute(value), `expected an absolute path (${name} is not searched on the PATH)`);

export const browserEnvSchema = {
  // One browser executable, used as is (no other location is searched when it is set).
  CHROMIUM_PATH: absolutePath("CHROMIUM_PATH").optional(),
  // Folders (or executables) searched instead of the system locations and Playwright's cache,
  // separated like PATH; an empty folder is "a machine without a browser".
  EPIC_BROWSER_SEARCH_PATHS: z
    .string()
    .transform((value) => value.split(path.delimiter).map((entry) => entry.trim()).filter(Boolean))
    .pipe(
      z
        .array(absolutePath("EPIC_BROWSER_SEARCH_PATHS"))
        .min(1, `expected absolute folders separated by "${path.delimiter}"`),
    )
    .optional(),
  // A browser elsewhere (a browser service, or Chromium started with --remote-debugging-port):
  // every browser use connects to it instead of launching one here, and disconnects afterwards
  // (server/browser/remote-browser.ts). Required where the platform cannot run Chromium (Vercel).
  BROWSER_WS_ENDPOINT: z
    .url({ protocol: /^wss?$/, message: "expected a ws:// or wss:// endpoint, e.g. ws://127.0.0.1:9222/devtools/browser/<id>" })
    .optional(),
  // How to speak to BROWSER_WS_ENDPOINT: cdp = Chrome DevTools Protocol (Chromium's own
  // --remote-debugging-port, most browser services); playwright = a Playwright browser server
  // (launchServer, `playwright run-server`); auto = playwright when "playwright" is in the URL, else cdp.
  BROWSER_WS_PROTOCOL: z.enum(["auto", "cdp", "playwright"], { message: 'expected "auto", "cdp" or "playwright"' }).default("auto"),
  // Playwright's own variable for its browser cache; read so the finder looks where Playwright installs.
  PLAYWRIGHT_BROWSERS_PATH: z.string().min(1).optional(),
  // Whether `npm start` / `npm test` may install a browser when none is found (Playwright's
  // download, or apt-get on Debian/Ubuntu as root).
  EPIC_BROWSER_AUTO_INSTALL: z
    .enum(["true", "false", "1", "0"], { message: 'expected "true" or "false"' })
    .transform((value) => value === "true" || value === "1")
    .default(true),
};

const browserEnv = z.object(browserEnvSchema);
export type BrowserEnv = z.infer<typeof browserEnv>;

/** For scripts: the browser variables from process.env, validated; throws naming the bad variable. */
export function parseBrowserEnv(raw: Record<string, string | undefined>): BrowserEnv {
  const picked = Object.fromEntries(Object.keys(browserEnvSchema).map((key) => [key, raw[key] === "" ? undefined : raw[key]]));
  const parsed = browserEnv.safeParse(picked);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
}
