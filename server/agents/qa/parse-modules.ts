// Parses JS files as ES modules in a child Node process (vm.SourceTextModule needs a flag we
// cannot set on the current process) and reports syntax errors and static import specifiers.
import { spawn } from "node:child_process";

export interface ModuleParse {
  path: string;
  error?: string;
  imports: string[];
}

const childScript = `
const vm = require("node:vm");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(({ path, content }) => {
    try {
      const mod = new vm.SourceTextModule(content, { identifier: path });
      return { path, imports: mod.dependencySpecifiers };
    } catch (error) {
      return { path, imports: [], error: String(error && error.message || error) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
`;

export function parseModules(files: Array<{ path: string; content: string }>, timeoutMs = 20_000): Promise<ModuleParse[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--experimental-vm-modules", "--no-warnings", "-e", childScript], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout) as ModuleParse[]);
      } catch {
        reject(new Error(`module parser exited with ${code}: ${stderr.slice(0, 500)}`));
      }
    });
    child.stdin.end(JSON.stringify(files));
  });
}
