// Which runtime files an app needs: the modules its entry imports, and everything they import in
// turn, read from the runtime's own import statements so the generator can never forget a helper
// a module grew. The runtime's lint rules make every import a relative ".js" path.
import path from "node:path";
import { readRuntimeFile } from "../read-runtime-file";

// Static imports and re-exports (`import … from "./x.js"`, `export … from "./x.js"`, `import "./x.js"`)
// and dynamic imports of a literal path (`import("./data/x.js")`).
const importPattern = /^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/gm;

/** The relative imports of one runtime module, as app paths ("src/lib/dom.js"). */
export function importsOf(appPath: string, source: string): string[] {
  const found: string[] = [];
  // Comments may mention modules (JSDoc types: {import("./kit.js").AppContext}); only code imports.
  const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  for (const match of code.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2]!;
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(appPath), specifier)));
  }
  return found;
}

/**
 * The given runtime files and all they import, in a stable order (first seen first). `skip`
 * lists files supplied otherwise (src/spec.js is written per plan).
 */
export function moduleClosure(entries: string[], skip: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (appPath: string): void => {
    if (seen.has(appPath) || skip.has(appPath)) return;
    seen.add(appPath);
    order.push(appPath);
    for (const imported of importsOf(appPath, readRuntimeFile(appPath))) visit(imported);
  };
  entries.forEach(visit);
  return order;
}
