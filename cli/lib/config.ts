// Where the CLI keeps the server URL and token: $XDG_CONFIG_HOME/epic/config.json (or
// ~/.config/epic/config.json), readable by the user only (0600 in a 0700 folder), because the
// token acts as the user. EPIC_URL and EPIC_TOKEN override the file, for CI and scripts.
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError } from "./cli-error";
import { exitCodes } from "./exit-codes";

export type StoredConfig = { url?: string; token?: string };
export type Credentials = { url: string; token: string };

export function configPath(env: Record<string, string | undefined> = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), ".config");
  return path.join(base, "epic", "config.json");
}

export async function readConfig(env: Record<string, string | undefined> = process.env): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(configPath(env), "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return {};
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null) return {};
    const { url, token } = parsed as Record<string, unknown>;
    return { url: typeof url === "string" ? url : undefined, token: typeof token === "string" ? token : undefined };
  } catch {
    throw new CliError(`${configPath(env)} is not valid JSON; fix it or run \`epic login\` again`, exitCodes.usage, { code: "USAGE" });
  }
}

export async function writeConfig(config: StoredConfig, env: Record<string, string | undefined> = process.env): Promise<string> {
  const file = configPath(env);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written 0600 from the first byte; chmod as well, for a file that existed with wider modes.
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}

export async function removeConfig(env: Record<string, string | undefined> = process.env): Promise<void> {
  await rm(configPath(env), { force: true });
}

/** "https://epic.example.com/" → "https://epic.example.com"; anything but http(s) is a usage error. */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CliError(`"${raw}" is not a URL (e.g. https://epic.example.com)`, exitCodes.usage, { code: "USAGE" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`The server URL must start with http:// or https:// (got ${url.protocol})`, exitCodes.usage, { code: "USAGE" });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The URL and token to use: the environment first, then the saved config. */
export async function loadCredentials(env: Record<string, string | undefined> = process.env): Promise<Credentials> {
  const stored = await readConfig(env);
  const url = env.EPIC_URL?.trim() || stored.url;
  const token = env.EPIC_TOKEN?.trim() || stored.token;
  if (!url || !token) {
    throw new CliError("Not logged in", exitCodes.auth, {
      code: "UNAUTHORIZED",
      hint: "Run `epic login --url https://your-server` (or set EPIC_URL and EPIC_TOKEN).",
    });
  }
  return { url: normalizeServerUrl(url), token };
}
