// `npm run cli:build`: the CLI as one self-contained ES module (cli/dist/epic.mjs) for Node 20,
// with commander, the tRPC client, superjson and zod inlined and no server code (the AppRouter
// import is type-only). cli/package.json publishes it as the standalone `epic` command.
import { chmod } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = path.dirname(new URL(import.meta.url).pathname);

export async function buildCli(outfile = path.join(root, "dist", "epic.mjs")) {
  await build({
    entryPoints: [path.join(root, "epic.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: false,
    legalComments: "inline",
    // commander is CommonJS: give its require() calls of node: built-ins a require to call.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __epicCreateRequire } from 'node:module';\nconst require = __epicCreateRequire(import.meta.url);" },
    logLevel: "warning",
  });
  await chmod(outfile, 0o755);
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, "build.ts")) {
  const outfile = await buildCli(process.argv[2]);
  console.log(`Built ${path.relative(process.cwd(), outfile)}`);
}
