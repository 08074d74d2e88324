// Static checks of a generated file set, run before the browser: references resolve, JS parses
// as ES modules, JSON parses, package.json scripts point at real files, and nothing breaks the
// preview CSP (inline scripts/styles, external URLs, eval); the deploy targets' configs say what
// the deploy does (check-deploy-configs.ts).
import path from "node:path";
import { Parser } from "htmlparser2";
import { ZGeneratedFile, type TGeneratedFile } from "~/server/plan/plan-schema";
import { parseModules } from "./parse-modules";
import { deployConfigProblems } from "./check-deploy-configs";

const isExternal = (ref: string): boolean => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(ref);
const isIgnorable = (ref: string): boolean => ref === "" || ref.startsWith("#") || /^(?:data|mailto|tel|blob):/i.test(ref);

/** Resolves a relative reference from a file to a project path (no leading "./"). */
function resolveRef(from: string, ref: string): string {
  const clean = ref.split(/[?#]/)[0]!;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), clean)).replace(/^\.\//, "");
}

/** Attributes that load a URL, per element (href on <a> is a link, still checked: it must resolve). */
const urlAttributes = ["src", "href"] as const;

// A real HTML parser (htmlparser2), not regular expressions: attributes in any quoting or case,
// `>` inside attribute values, comments and script text are all read the way a browser reads them,
// so a commented-out <style> is no problem and an unquoted onclick= is one.
function htmlProblems(file: TGeneratedFile, exists: (p: string) => boolean): { problems: string[]; entryScripts: string[] } {
  const problems = new Set<string>();
  const entryScripts: string[] = [];
  let openScript: { hasSrc: boolean; text: string } | null = null;
  const problem = (message: string) => problems.add(`${file.path}: ${message}`);

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script") openScript = { hasSrc: "src" in attributes, text: "" };
        if (name === "style") problem("<style> blocks are blocked by the CSP (style-src 'self')");
        if (name === "base") problem("<base> is blocked by the CSP (base-uri 'none')");
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "style") problem('inline style="" attributes are blocked by the CSP');
          else if (/^on[a-z]+$/.test(attribute)) problem("inline event handlers (on...=) are blocked by the CSP");
          if (/^\s*javascript:/i.test(value)) problem("javascript: URLs are not allowed");
        }
        // A <base> is refused outright; its href is not a file to look for.
        for (const attribute of name === "base" ? [] : urlAttributes) {
          const ref = attributes[attribute]?.trim();
          if (ref === undefined || isIgnorable(ref) || /^javascript:/i.test(ref)) continue;
          if (isExternal(ref)) {
            problem(`external URL ${ref} (the app must work offline under the CSP)`);
            continue;
          }
          if (ref.startsWith("/")) {
            problem(`absolute path ${ref} breaks under the preview path prefix; use a relative URL`);
            continue;
          }
          const target = resolveRef(file.path, ref);
          if (!exists(target)) problem(`references missing file ${ref}`);
          else if (name === "script") entryScripts.push(target);
        }
      },
      ontext(text) {
        if (openScript) openScript.text += text;
      },
      onclosetag(name) {
        if (name !== "script" || !openScript) return;
        if (!openScript.hasSrc) problem("inline <script> is blocked by the CSP (script-src 'self')");
        else if (openScript.text.trim()) problem("<script src> must not also have inline content");
        openScript = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(file.content);
  return { problems: [...problems], entryScripts };
}

function packageJsonProblems(file: TGeneratedFile, json: unknown, paths: string[]): string[] {
  const problems: string[] = [];
  const scripts = (json as { scripts?: Record<string, unknown> }).scripts;
  if (!scripts || typeof scripts !== "object") return [`${file.path}: has no "scripts"`];
  if (typeof scripts.test !== "string") problems.push(`${file.path}: has no "test" script`);
  const dir = path.posix.dirname(file.path);
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== "string") {
      problems.push(`${file.path}: script "${name}" is not a string`);
      continue;
    }
    for (const token of command.split(/\s+/)) {
      if (/\.(?:m|c)?js$/.test(token) && !token.includes("*") && !paths.includes(resolveRef(`${dir}/package.json`, token))) {
        problems.push(`${file.path}: script "${name}" runs missing file ${token}`);
      }
    }
    if (/\bnode --test\b/.test(command) && !command.replace(/.*node --test/, "").trim()) {
      const testPattern = /(?:^|\/)(?:[^/]+[._-]test\.[cm]?js|test-[^/]+\.[cm]?js|test\.[cm]?js|test\/.+\.[cm]?js)$/;
      if (!paths.some((p) => testPattern.test(p) && !p.includes("node_modules/"))) problems.push(`${file.path}: script "${name}" runs node --test but there are no test files`);
    }
  }
  return problems;
}

export async function checkFiles(files: TGeneratedFile[]): Promise<string[]> {
  const problems: string[] = [];
  const byPath = new Map<string, TGeneratedFile>();
  for (const file of files) {
    const parsed = ZGeneratedFile.safeParse(file);
    if (!parsed.success) problems.push(`${String(file.path)}: invalid file (${parsed.error.issues[0]?.message ?? "bad path or content"})`);
    if (byPath.has(file.path)) problems.push(`${file.path}: duplicate path`);
    byPath.set(file.path, file);
  }
  const paths = [...byPath.keys()];
  const exists = (p: string): boolean => byPath.has(p);

  const index = byPath.get("index.html");
  let entryScripts: string[] = [];
  if (!index) problems.push("index.html is missing");
  else {
    const html = htmlProblems(index, exists);
    problems.push(...html.problems);
    entryScripts = html.entryScripts;
  }
  for (const file of byPath.values()) {
    if (file.path.endsWith(".json")) {
      try {
        const json: unknown = JSON.parse(file.content);
        if (path.posix.basename(file.path) === "package.json") problems.push(...packageJsonProblems(file, json, paths));
      } catch (error) {
        problems.push(`${file.path}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    if (file.path.endsWith(".css")) {
      for (const m of file.content.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)) {
        const ref = (m[1] ?? m[2])!.trim();
        if (isIgnorable(ref)) continue;
        if (isExternal(ref)) problems.push(`${file.path}: external URL ${ref}`);
        else if (!exists(resolveRef(file.path, ref))) problems.push(`${file.path}: references missing file ${ref}`);
      }
    }
  }

  const jsFiles = [...byPath.values()].filter((f) => /\.m?js$/.test(f.path));
  const parsed = await parseModules(jsFiles.map((f) => ({ path: f.path, content: f.content })));
  const importsOf = new Map(parsed.map((p) => [p.path, p]));
  // Modules the browser loads: reachable from index.html. They may only import relative files.
  const browserModules = new Set<string>();
  const queue = [...entryScripts];
  while (queue.length) {
    const current = queue.shift()!;
    if (browserModules.has(current) || !importsOf.has(current)) continue;
    browserModules.add(current);
    for (const spec of importsOf.get(current)!.imports) if (spec.startsWith(".")) queue.push(resolveRef(current, spec));
  }
  for (const result of parsed) {
    const file = byPath.get(result.path)!;
    if (result.error) {
      problems.push(`${result.path}: does not parse as an ES module: ${result.error}`);
      continue;
    }
    // Outside comments: JSDoc types such as {import("./types").Spec} are not imports.
    const code = file.content.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
    const dynamic = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    for (const spec of [...result.imports, ...dynamic]) {
      if (spec.startsWith("./") || spec.startsWith("../")) {
        if (!exists(resolveRef(result.path, spec))) problems.push(`${result.path}: imports missing file ${spec}`);
      } else if (browserModules.has(result.path)) {
        problems.push(`${result.path}: bare import "${spec}" cannot load in the browser without a build step`);
      } else if (!spec.startsWith("node:")) {
        problems.push(`${result.path}: imports package "${spec}" but the app must have zero dependencies`);
      }
    }
    if (browserModules.has(result.path)) {
      if (/\beval\s*\(|\bnew\s+Function\s*\(/.test(file.content)) problems.push(`${result.path}: eval/new Function is blocked by the CSP`);
      if (/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML\s*\(|document\.write\s*\(/.test(file.content)) problems.push(`${result.path}: writes HTML strings (XSS risk); build DOM nodes with textContent instead`);
      for (const m of file.content.matchAll(/["'](https?:\/\/[^"'\s]+)["']/g)) {
        if (/fetch\(|src|href|import/.test(file.content.slice(Math.max(0, m.index - 40), m.index))) problems.push(`${result.path}: loads external URL ${m[1]}`);
      }
    }
  }
  for (const entry of entryScripts) if (!browserModules.has(entry) && importsOf.has(entry) === false) problems.push(`index.html: entry script ${entry} is not a JS module file`);
  problems.push(...deployConfigProblems(byPath));
  return problems;
}
