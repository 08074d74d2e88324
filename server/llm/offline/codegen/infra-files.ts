// The Infra agent's offline output: package.json with a zero-dependency `node --test` suite (the
// runtime's tests/app.test.js, which tests THIS app's spec: its pages, its store and its computed
// values), a README, a Dockerfile, a CI workflow, a static server (scripts/serve.js) that sends the
// preview's CSP, and the configs of the project's deploy targets (target-files.ts).
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { previewCsp } from "../preview-csp";
import { readRuntimeFile } from "../read-runtime-file";
import { fallbackStorageKey, isShared } from "./app-spec-data";
import { tableNameOf } from "./db-files";
import { jsLiteral } from "./js-literal";
import { targetConfigPaths, targetFiles, type TInfraDeploySetup } from "./target-files";
import { deployTargetLabels, externalDeployTargets } from "~/server/events/deploy-targets";

export const appTestRuntimePath = "tests/app.test.js";

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
        run: for f in $(find src scripts tests -name '*.js'); do node --check "$f"; done
      - name: Tests
        run: npm test
`;

/** Plan text in Markdown: one line, nothing that renders as markup or links. */
const md = (text: string, max = 200): string =>
  text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/[<>`{}[\]\\|$*_#~^=]/g, " ").replace(/\s+/g, " ").trim().slice(0, max).trim();

const sectionWords: Record<string, string> = {
  records: "a list of records", stats: "headline figures", groupTable: "totals per group", chart: "a chart", checkins: "daily check-ins", board: "a board",
  sequence: "an ordered list", weekPlan: "a week plan", feed: "a message feed", quiz: "a quiz", flashcards: "flashcards", tool: "a tool", timer: "a timer", hero: "a header",
  menu: "a menu", hours: "opening hours", contact: "contact details", form: "a form", pricing: "pricing", faq: "questions and answers",
  testimonials: "testimonials", gallery: "a gallery", features: "features", text: "text", notice: "a notice",
};

export function readmeMd(plan: TPlan, setup: TInfraDeploySetup = noDeploySetup(plan)): string {
  const lines = [`# ${md(plan.appName, 60)}`, "", "## Pages", ""];
  for (const page of plan.pages) {
    const parts = (page.sections ?? []).map((s) => (s.title && s.type !== "hero" ? `${md(s.title, 60)} (${sectionWords[s.type] ?? s.type})` : (sectionWords[s.type] ?? s.type)));
    lines.push(`- \`#${page.path}\` ${md(page.title, 60)}${parts.length ? `: ${parts.join(", ")}` : ""}`);
  }
  lines.push("");
  if (plan.entities.length) {
    lines.push("## Data", "", "| Records | Table | Fields | Belongs to |", "| --- | --- | --- | --- |");
    for (const entity of plan.entities) {
      const fields = entity.fields.map((f) => `${md(f.label, 40)} (${f.type}${f.required ? ", required" : ""})`).join(", ");
      lines.push(`| ${md(entity.pluralLabel, 60)} | \`${tableNameOf(entity)}\` | ${fields} | ${entity.belongsTo.join(", ") || "-"} |`);
    }
    lines.push(
      "",
      `Records are kept in the browser (localStorage, under \`${plan.storage?.key ?? fallbackStorageKey(plan.appName)}\`) by \`src/engine/store.js\`, which moves them forward when a new version of the app changes its fields. \`db/schema.sql\` is the matching PostgreSQL schema and \`db/seed.json\` the records the app starts with.`,
      "",
      ...(isShared(plan)
        ? [
            "The records are shared between devices: `src/engine/shared-store.js` keeps the browser's copy in step with the server that serves the app (`_data/` beside it: the platform's preview has it), writing each change through and showing other devices' changes live. Served from a plain static host, the app works on one device and says so.",
            "",
          ]
        : []),
    );
  }
  lines.push(
    "## Run it",
    "",
    "No build step and no dependencies: plain HTML, CSS and ES modules.",
    "",
    "```sh",
    "npm start        # serves the app on http://127.0.0.1:8080/",
    "npm test         # node --test: this app's pages, records and calculations",
    "```",
    "",
    "## Deploy",
    "",
    "- Docker: `docker build -t app . && docker run -p 8080:8080 app`",
    ...externalDeployTargets.filter((target) => setup.targets.includes(target)).map((target) => `- ${deployTargetLabels[target]}: \`${targetConfigPaths[target]}\` ${deployNotes[target]}`),
    "- CI: `.github/workflows/ci.yml` checks the scripts' syntax and runs `npm test` on every push and pull request.",
    "",
    "## Layout",
    "",
    "- `index.html`, `styles.css`: the page and its look (CSS variables; the theme is set on `<html>`)",
    "- `src/spec.js`: what the app is made of, as data (pages, sections, records, theme)",
    "- `src/main.js`, `src/engine/`: the shell (header, navigation, routing) and the data layer",
    "- `src/sections/`: one module per kind of section",
    "- `tests/`: `node --test` tests",
    "",
  );
  return lines.join("\n");
}

const deployNotes = {
  vercel: "is what the deploy sets: the security headers, pages never cached, the app for any other path.",
  cloudflare: "deploys the folder as Workers static assets (`npx wrangler deploy`).",
  s3: "says how the bucket serves the site: its website configuration and each file's cache headers.",
} as const;

/** Only the preview, named after the app: what a file set is generated with when the project's targets are not known. */
export function noDeploySetup(plan: TPlan): TInfraDeploySetup {
  return { targets: ["preview"], siteName: packageNameOf(plan.appName) };
}

/** scripts/serve.js sends the preview's CSP, so the app runs under the same policy wherever it is served. */
function serveJs(): string {
  const template = readRuntimeFile("scripts/serve.js");
  if (!template.includes('"__CSP__"')) throw new Error("scripts/serve.js lost its __CSP__ placeholder");
  return template.replace("__CSP__", previewCsp);
}

/** npm package names: lowercase, url-safe, at most 214 characters. */
function packageNameOf(appName: string): string {
  return fallbackStorageKey(appName);
}

export function infraFiles(plan: TPlan, setup: TInfraDeploySetup = noDeploySetup(plan)): TGeneratedFile[] {
  const packageJson = {
    name: packageNameOf(plan.appName),
    version: "0.1.0",
    private: true,
    type: "module",
    engines: { node: ">=20" },
    scripts: { start: "node scripts/serve.js", test: "node --test" },
  };
  return [
    { path: "package.json", content: `${jsLiteral(packageJson, 2)}\n` },
    { path: "README.md", content: readmeMd(plan, setup) },
    { path: "Dockerfile", content: dockerfile },
    { path: ".dockerignore", content: dockerignore },
    { path: ".github/workflows/ci.yml", content: ciYml },
    { path: "scripts/serve.js", content: serveJs() },
    { path: "tests/app.test.js", content: readRuntimeFile(appTestRuntimePath) },
    ...targetFiles(plan, setup),
  ];
}
