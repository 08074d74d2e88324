// README.md of the generated app. All plan text is sanitised: it may echo the user's prompt.
import type { TPlan } from "~/server/plan/plan-schema";
import { taglineOf } from "../codegen/app-config";
import { tableNameOf } from "../datalayer/schema-sql";
import { safeText } from "../plan/naming";

const md = (text: string, max = 200): string => safeText(text, max);

export function readmeMd(plan: TPlan): string {
  const lines = [
    `# ${md(plan.appName, 60)}`,
    "",
    md(taglineOf(plan), 300),
    "",
    "## Features",
    "",
    ...plan.features.map((f) => `- ${md(f)}`),
    "",
    "## Pages",
    "",
    ...plan.pages.map((p) => `- \`#${p.path}\`: ${md(p.title, 60)}. ${md(p.purpose)}`),
    "",
  ];
  if (plan.entities.length) {
    lines.push("## Data model", "", "| Entity | Table | Fields | Belongs to |", "| --- | --- | --- | --- |");
    for (const e of plan.entities) {
      const fields = e.fields.map((f) => `${f.name} (${f.type}${f.required ? ", required" : ""})`).join(", ");
      lines.push(`| ${e.name} | \`${tableNameOf(e)}\` | ${fields} | ${e.belongsTo.join(", ") || "-"} |`);
    }
    lines.push("", "Records are stored in the browser (localStorage, one key per app) by `src/store.js`; `db/schema.sql` is the matching PostgreSQL schema and `db/seed.json` holds sample data.", "");
  }
  lines.push(
    "## Run it",
    "",
    "No build step and no dependencies: it is plain HTML, CSS and ES modules.",
    "",
    "```sh",
    "npm start        # serves the app on http://127.0.0.1:8080/",
    "npm test         # data-layer tests with node --test",
    "```",
    "",
    "## Deploy",
    "",
    "- Docker: `docker build -t app . && docker run -p 8080:8080 app`",
    "- Vercel: the folder deploys as a static site; `vercel.json` sets the security headers.",
    "",
    "## Project layout",
    "",
    "- `index.html`, `styles.css`: the page shell and the design (CSS variables for the theme)",
    "- `src/main.js`: header navigation and hash routing; `src/config.js`: app and page settings",
    "- `src/pages/`: one module per page type; `src/ui/`, `src/lib/`: shared helpers",
    "- `src/schema.js`, `src/store.js`: entities and the data layer",
    "- `tests/`: `node --test` tests",
    "",
  );
  return lines.join("\n");
}
