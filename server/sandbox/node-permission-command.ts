// The fallback sandbox: Node's permission model, confining file reads and writes to the working
// copy and refusing child processes, workers and native addons. It does not isolate the network
// (the code can still open sockets), and it only confines node itself — so it runs node, never a
// shell: a test script must be `node --test [paths]` or `node <file> [args]`.
import { readdirSync } from "node:fs";
import path from "node:path";

/** Node ≥ 22.13 calls it --permission; Node 20 --experimental-permission. */
export function permissionFlag(): string | null {
  const flags = process.allowedNodeEnvironmentFlags;
  if (flags.has("--permission")) return "--permission";
  if (flags.has("--experimental-permission")) return "--experimental-permission";
  return null;
}

// `node --test`'s default file patterns (Node 20+): *.test.js, *-test.js, *_test.js, test-*.js,
// test.js and everything under a test/ folder, each also .cjs and .mjs; node_modules skipped.
const TEST_FILE = /^(?:.+[._-]test|test-.+|test)\.[cm]?js$/;
const SCRIPT = /\.[cm]?js$/;

/** The files `node --test` would run under `dir` (absolute paths, sorted). */
export function findTestFiles(dir: string, isUnderTestFolder = false): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full, isUnderTestFolder || entry.name === "test"));
    else if (entry.isFile() && (TEST_FILE.test(entry.name) || (isUnderTestFolder && SCRIPT.test(entry.name)))) found.push(full);
  }
  return found.sort();
}

export type ParsedTestScript = { kind: "node-test"; paths: string[] } | { kind: "node-file"; file: string; args: string[] };

/**
 * The test script as a node command, or why it is not one. Anything a shell would interpret is
 * refused: under this sandbox we can only vouch for node itself.
 */
export function parseTestScript(script: string): ParsedTestScript | { kind: "unsupported"; reason: string } {
  if (/[^\w\s./@=,:+-]/.test(script)) return { kind: "unsupported", reason: `the test script uses shell syntax: ${script}` };
  const [command, ...rest] = script.trim().split(/\s+/);
  if (command !== "node") return { kind: "unsupported", reason: `the test script does not run node: ${script}` };
  if (rest[0] === "--test") {
    const paths = rest.slice(1);
    if (paths.some((arg) => arg.startsWith("-"))) return { kind: "unsupported", reason: `node --test with options: ${script}` };
    return { kind: "node-test", paths };
  }
  const [file, ...args] = rest;
  if (!file || file.startsWith("-")) return { kind: "unsupported", reason: `node with options: ${script}` };
  return { kind: "node-file", file, args };
}

function insideCopy(copyDir: string, relative: string): string | null {
  const resolved = path.resolve(copyDir, relative);
  return resolved.startsWith(copyDir + path.sep) || resolved === copyDir ? resolved : null;
}

// Runs the test files in this one process (node --test would need child processes, and a child
// escapes the permission model). node:test reports every file's tests together and sets the exit code.
const IMPORT_ALL = "(async () => { for (const file of process.argv.slice(1)) await import(require('node:url').pathToFileURL(file).href); })().catch((error) => { console.error(error); process.exitCode = 1; });";

export function nodePermissionCommand(options: { copyDir: string; script: string; maxOldSpaceMb: number }): { command: string; args: string[] } | { error: string } {
  const flag = permissionFlag();
  if (!flag) return { error: `this Node (${process.version}) has no permission model` };
  const copyDir = path.resolve(options.copyDir);
  const parsed = parseTestScript(options.script);
  if (parsed.kind === "unsupported") return { error: `Cannot run this test script under Node's permission model (QA_SANDBOX=node-permission): ${parsed.reason}. Use "node --test".` };
  const quiet = process.allowedNodeEnvironmentFlags.has("--disable-warning") ? ["--disable-warning=ExperimentalWarning"] : [];
  const base = [flag, `--allow-fs-read=${copyDir}/*`, `--allow-fs-write=${copyDir}/*`, `--max-old-space-size=${options.maxOldSpaceMb}`, ...quiet];
  if (parsed.kind === "node-file") {
    const file = insideCopy(copyDir, parsed.file);
    if (!file) return { error: `the test script runs a file outside the app: ${parsed.file}` };
    return { command: process.execPath, args: [...base, file, ...parsed.args] };
  }
  const roots = parsed.paths.length ? parsed.paths.map((p) => insideCopy(copyDir, p)) : [copyDir];
  if (roots.some((root) => root === null)) return { error: `node --test names a path outside the app: ${options.script}` };
  const files = (roots as string[]).flatMap((root) => (SCRIPT.test(root) ? [root] : findTestFiles(root)));
  if (files.length === 0) return { error: "node --test found no test files" };
  return { command: process.execPath, args: [...base, "-e", IMPORT_ALL, ...files] };
}
