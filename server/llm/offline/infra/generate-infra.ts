// The Infra agent's offline output: container, hosting config, CI, docs, package.json and tests.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { taglineOf } from "../codegen/app-config";
import { jsLiteral } from "../codegen/js-literal";
import { appSlugOf } from "../plan/build-plan";
import { previewCsp } from "../preview-csp";
import { readRuntimeFile } from "../read-runtime-file";
import { readmeMd } from "./readme-md";

const dockerfile = `# Static app served by its own zero-dependency Node server (scripts/serve.js).
FROM node:20-alpine
WORKDIR /app
COPY . .
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
USER node
CMD ["node", "scripts/serve.js"]
`;

const dockerignore = `.git
.github
node_modules
tests
*.log
`;

const ciYml = `name: CI
on:
  push:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Syntax check
        run: for f in $(find src scripts -name '*.js'); do node --check "$f"; done
      - name: Tests
        run: npm test
`;

/** scripts/serve.js sends the preview's CSP, so the app runs under the same policy wherever it is served. */
function serveJs(): string {
  const template = readRuntimeFile("scripts/serve.js");
  if (!template.includes('"__CSP__"')) throw new Error("scripts/serve.js lost its __CSP__ placeholder");
  return template.replace("__CSP__", previewCsp);
}

export function generateInfra(plan: TPlan): TGeneratedFile[] {
  const packageJson = {
    name: appSlugOf(plan),
    version: "0.1.0",
    private: true,
    description: taglineOf(plan).slice(0, 200),
    type: "module",
    engines: { node: ">=20" },
    scripts: { start: "node scripts/serve.js", test: "node --test" },
  };
  const vercelJson = {
    cleanUrls: false,
    headers: [
      {
        source: "/(.*)",
        headers: [
          { key: "Content-Security-Policy", value: previewCsp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ],
  };
  return [
    { path: "package.json", content: `${jsLiteral(packageJson, 2)}\n` },
    { path: "README.md", content: readmeMd(plan) },
    { path: "Dockerfile", content: dockerfile },
    { path: ".dockerignore", content: dockerignore },
    { path: "vercel.json", content: `${jsLiteral(vercelJson, 2)}\n` },
    { path: ".github/workflows/ci.yml", content: ciYml },
    { path: "scripts/serve.js", content: serveJs() },
    { path: "tests/store.test.js", content: readRuntimeFile("tests/store.test.js") },
  ];
}
