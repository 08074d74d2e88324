// QA's static checks of the deploy targets' configs (the Infra agent's target-files.ts): each one
// parses, and says what the platform's deploy does (target-settings.ts), so a user deploying the
// repository by hand gets the same site. Also that the CI workflow runs the app's tests.
import path from "node:path";
import { cacheControls, cloudflareAssetsConfig } from "~/server/deployments/targets/target-settings";
import type { TGeneratedFile } from "~/server/plan/plan-schema";

type Files = ReadonlyMap<string, TGeneratedFile>;

/** JSON with comments and trailing commas (wrangler.jsonc): comments and trailing commas outside strings are dropped, then JSON.parse. */
export function parseJsonc(text: string): unknown {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new SyntaxError("unterminated /* comment");
      i = end + 1;
    } else out += char;
  }
  // Trailing commas: a comma followed only by whitespace before } or ]. Strings are kept whole by matching them first.
  return JSON.parse(out.replace(/("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g, (match, string: string | undefined, close: string | undefined) => string ?? close!));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function vercelJsonProblems(file: TGeneratedFile, files: Files): string[] {
  let config: unknown;
  try {
    config = JSON.parse(file.content);
  } catch {
    return []; // checkFiles reports JSON that does not parse
  }
  if (!isRecord(config)) return [`${file.path}: must be a JSON object`];
  const problems: string[] = [];
  const rules = Array.isArray(config.headers) ? config.headers : [];
  const cacheOf = (rule: unknown): string | undefined =>
    isRecord(rule) && Array.isArray(rule.headers) ? (rule.headers.find((h: unknown) => isRecord(h) && typeof h.key === "string" && h.key.toLowerCase() === "cache-control") as { value?: unknown } | undefined)?.value as string | undefined : undefined;
  if (config.headers !== undefined && !Array.isArray(config.headers)) problems.push(`${file.path}: "headers" must be a list of { source, headers } rules`);
  for (const rule of rules) {
    if (!isRecord(rule) || typeof rule.source !== "string" || !Array.isArray(rule.headers) || !rule.headers.every((h) => isRecord(h) && typeof h.key === "string" && typeof h.value === "string")) {
      problems.push(`${file.path}: a header rule must be { source, headers: [{ key, value }] }`);
    }
  }
  // The deploy never lets a cache keep a page: the last rule for HTML must say no-cache.
  const htmlRules = rules.filter((rule) => isRecord(rule) && typeof rule.source === "string" && (rule.source === "/" || /html/.test(rule.source)) && cacheOf(rule) !== undefined);
  if (!htmlRules.length || cacheOf(htmlRules.at(-1)) !== cacheControls.html) problems.push(`${file.path}: pages must be sent with Cache-Control: ${cacheControls.html} (a header rule for "/" and .html), as the deploy does`);
  for (const rule of rules) {
    const value = cacheOf(rule);
    if (value !== undefined && !Object.values(cacheControls).includes(value as never)) problems.push(`${file.path}: Cache-Control "${String(value)}" is not one the deploy applies (${Object.values(cacheControls).join(" | ")})`);
  }
  if (config.rewrites !== undefined) {
    if (!Array.isArray(config.rewrites)) problems.push(`${file.path}: "rewrites" must be a list of { source, destination }`);
    else {
      for (const rewrite of config.rewrites) {
        if (!isRecord(rewrite) || typeof rewrite.source !== "string" || typeof rewrite.destination !== "string") problems.push(`${file.path}: a rewrite must be { source, destination }`);
        else if (!/^https?:/.test(rewrite.destination) && !files.has(rewrite.destination.replace(/^\//, ""))) problems.push(`${file.path}: rewrite destination ${rewrite.destination} is not a file of the app`);
      }
    }
  }
  return problems;
}

function wranglerProblems(file: TGeneratedFile, files: Files): string[] {
  let config: unknown;
  try {
    config = parseJsonc(file.content);
  } catch (error) {
    return [`${file.path}: does not parse as JSONC (${message(error)})`];
  }
  if (!isRecord(config)) return [`${file.path}: must be an object`];
  const problems: string[] = [];
  if (typeof config.name !== "string" || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(config.name)) problems.push(`${file.path}: "name" must be a worker name (lowercase letters, digits and dashes)`);
  if (typeof config.compatibility_date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(config.compatibility_date)) problems.push(`${file.path}: "compatibility_date" must be a date (YYYY-MM-DD)`);
  const assets = config.assets;
  if (!isRecord(assets) || typeof assets.directory !== "string") return [...problems, `${file.path}: "assets.directory" must name the folder of the app's files`];
  const directory = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), assets.directory)).replace(/\/$/, "");
  const prefix = directory === "." ? "" : `${directory}/`;
  if (directory.startsWith("..") || path.posix.isAbsolute(directory)) problems.push(`${file.path}: assets.directory ${assets.directory} is outside the app`);
  else if (![...files.keys()].some((p) => p.startsWith(prefix))) problems.push(`${file.path}: assets.directory ${assets.directory} is not a folder of the app`);
  else if (!files.has(`${prefix}index.html`)) problems.push(`${file.path}: assets.directory ${assets.directory} has no index.html`);
  for (const [key, value] of Object.entries(cloudflareAssetsConfig)) {
    if (assets[key] !== value) problems.push(`${file.path}: assets.${key} must be "${value}", as the deploy sets it`);
  }
  return problems;
}

function s3NoteProblems(file: TGeneratedFile, files: Files): string[] {
  const block = /```json\n([\s\S]*?)```/.exec(file.content);
  if (!block) return [`${file.path}: has no website configuration (a \`\`\`json block)`];
  let website: unknown;
  try {
    website = JSON.parse(block[1]!);
  } catch (error) {
    return [`${file.path}: the website configuration is not valid JSON (${message(error)})`];
  }
  const problems: string[] = [];
  const index = isRecord(website) && isRecord(website.IndexDocument) ? website.IndexDocument.Suffix : undefined;
  const error = isRecord(website) && isRecord(website.ErrorDocument) ? website.ErrorDocument.Key : undefined;
  if (typeof index !== "string" || !files.has(index)) problems.push(`${file.path}: IndexDocument.Suffix must be a page of the app (index.html)`);
  // The error document sits under the site's prefix: <prefix>/index.html, which must be a file of the app.
  if (typeof error !== "string" || !files.has(error.replace(/^[^/]+\//, ""))) problems.push(`${file.path}: ErrorDocument.Key must be <prefix>/ and a page of the app, so deep links load it`);
  for (const value of Object.values(cacheControls)) if (!file.content.includes(value)) problems.push(`${file.path}: does not say which files get Cache-Control: ${value}`);
  return problems;
}

/** A test command in a workflow's steps (a `run:` line or block): npm/pnpm/yarn/bun test, node --test, or a test runner. */
const TEST_COMMAND = /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test\b|\bnode\s+--test\b|\b(?:vitest|jest)\b|\bplaywright\s+test\b/;
const PACKAGE_TEST = /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test\b/;

/** The GitHub Actions workflows: one of them runs the app's tests, and a package-manager test has its script. */
function workflowProblems(workflows: TGeneratedFile[], files: Files): string[] {
  if (!workflows.length) return [];
  const code = (file: TGeneratedFile) => file.content.replace(/^\s*#.*$/gm, "");
  const problems: string[] = [];
  for (const file of workflows) {
    if (!/^["']?on["']?:/m.test(code(file)) || !/^jobs:/m.test(code(file))) problems.push(`${file.path}: is not a GitHub Actions workflow (no on: and jobs:)`);
  }
  const testing = workflows.filter((file) => TEST_COMMAND.test(code(file)));
  if (!testing.length) return [...problems, `${workflows.map((file) => file.path).join(", ")}: no workflow runs the app's tests (a step with \`run: npm test\`)`];
  let scripts: unknown;
  try {
    scripts = (JSON.parse(files.get("package.json")?.content ?? "{}") as { scripts?: unknown }).scripts;
  } catch {
    return problems; // checkFiles reports package.json that does not parse
  }
  for (const file of testing) {
    if (PACKAGE_TEST.test(code(file)) && !(isRecord(scripts) && typeof scripts.test === "string")) problems.push(`${file.path}: runs the package's tests but package.json has no "test" script`);
  }
  return problems;
}

export function deployConfigProblems(files: Files): string[] {
  const problems: string[] = [];
  for (const file of files.values()) {
    if (file.path === "vercel.json") problems.push(...vercelJsonProblems(file, files));
    else if (file.path === "wrangler.jsonc" || file.path === "wrangler.json") problems.push(...wranglerProblems(file, files));
    else if (file.path === "deploy/s3.md") problems.push(...s3NoteProblems(file, files));
  }
  problems.push(...workflowProblems([...files.values()].filter((file) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file.path)), files));
  return problems;
}
