// Derives a complete, schema-valid plan from its core decisions.
import { ZPlan, type TPlan, type TPlanEntity, type TPlanField } from "~/server/plan/plan-schema";
import { buildChecks } from "./build-checks";
import { entityCatalog } from "./entity-catalog";
import { slugOf, safeText } from "./naming";
import type { PlanCore } from "./plan-core";
import { primaryFieldOf } from "./sample-values";
import { toolById } from "./tool-catalog";
import { entityLabel, entityPath, metricFieldOf, statusFieldOf } from "./ui-names";
import { statusOptions } from "./field-catalog";

const reservedFieldNames = new Set(["id", "createdAt", "updatedAt"]);

/** Enforces the invariants codegen relies on: unique names, a required primary field, valid relations. */
function normalizeEntities(entities: TPlanEntity[], kind: TPlan["kind"]): TPlanEntity[] {
  const seen = new Set<string>();
  const unique = entities.filter((e) => !seen.has(e.name) && seen.add(e.name)).slice(0, 8);
  const names = new Set(unique.map((e) => e.name));
  const paths = new Set<string>();
  // Relations: only to other known entities, no duplicates, and never a cycle (a cycle would leave
  // no order in which seed records can link to existing parents).
  const relations = new Map<string, string[]>();
  const reaches = (from: string, to: string, seenNames = new Set<string>()): boolean =>
    from === to || (!seenNames.has(from) && seenNames.add(from) && (relations.get(from) ?? []).some((p) => reaches(p, to, seenNames)));
  for (const entity of unique) {
    const parents: string[] = [];
    for (const p of entity.belongsTo) {
      if (p === entity.name || !names.has(p) || parents.includes(p) || parents.length >= 5) continue;
      relations.set(entity.name, parents);
      if (reaches(p, entity.name)) continue;
      parents.push(p);
    }
    relations.set(entity.name, parents);
  }
  return unique.map((entity, index) => {
    const fieldNames = new Set<string>();
    const belongsTo = relations.get(entity.name) ?? [];
    // A relation is its own form control (a select labelled with the parent's name), so a plain
    // field for the same thing ("company" next to belongsTo Company) would duplicate it and make
    // the label ambiguous.
    const parentFieldNames = new Set(belongsTo.flatMap((p) => [`${p[0]!.toLowerCase()}${p.slice(1)}Id`, `${p[0]!.toLowerCase()}${p.slice(1)}`].map((n) => n.toLowerCase())));
    const parentLabels = new Set(belongsTo.map((p) => entityLabel({ name: p, pluralLabel: p, fields: [], belongsTo: [] }).toLowerCase()));
    let fields: TPlanField[] = entity.fields
      .filter((f) => !reservedFieldNames.has(f.name) && !parentFieldNames.has(f.name.toLowerCase()) && !parentLabels.has(f.label.trim().toLowerCase()))
      .filter((f) => !fieldNames.has(f.name) && fieldNames.add(f.name))
      .map((f) => (f.type === "enum" && !(f.options && f.options.length) ? { ...f, options: ["Option A", "Option B"] } : f))
      .slice(0, 24);
    if (!fields.some((f) => f.type === "string" || f.type === "email" || f.type === "url")) {
      fields = [{ name: fieldNames.has("name") ? "title" : "name", label: fieldNames.has("name") ? "Title" : "Name", type: "string", required: true }, ...fields];
    }
    const primary = primaryFieldOf({ ...entity, fields });
    fields = fields.map((f) => (f.name === primary.name ? { ...f, required: true } : f));
    if (index === 0 && kind === "kanban" && !statusFieldOf({ ...entity, fields })) {
      fields.push({ name: "status", label: "Status", type: "enum", required: false, options: [...statusOptions] });
    }
    if (index === 0 && kind === "dashboard" && !metricFieldOf({ ...entity, fields })) {
      fields.push({ name: "amount", label: "Amount", type: "number", required: false });
    }
    // Labels must be unique within a form so "fill by label" is unambiguous.
    const labels = new Set<string>(parentLabels);
    fields = fields.map((f) => {
      let label = f.label;
      for (let n = 2; labels.has(label.toLowerCase()); n++) label = `${f.label} ${n}`;
      labels.add(label.toLowerCase());
      return { ...f, label };
    });
    let pluralLabel = entity.pluralLabel;
    for (let n = 2; paths.has(entityPath({ ...entity, pluralLabel })) || ["/board", "/"].includes(entityPath({ ...entity, pluralLabel })); n++) {
      pluralLabel = `${entity.pluralLabel} ${n}`;
    }
    paths.add(entityPath({ ...entity, pluralLabel }));
    return { ...entity, pluralLabel, fields, belongsTo };
  });
}

function pagesOf(core: PlanCore, entities: TPlanEntity[]): TPlan["pages"] {
  const entityPages = entities.map((e) => ({ path: entityPath(e), title: e.pluralLabel, purpose: `List, add, edit, delete and search ${e.pluralLabel.toLowerCase()}.` }));
  switch (core.kind) {
    case "tool": {
      const tool = toolById(core.tool ?? "calculator");
      return [{ path: tool.path, title: tool.title, purpose: tool.purpose }];
    }
    case "landing":
      return [{ path: "/", title: "Home", purpose: "Marketing page with the product pitch, features, FAQ and a waitlist signup." }];
    case "kanban":
      return [{ path: "/board", title: "Board", purpose: `Kanban board of ${entities[0]?.pluralLabel.toLowerCase() ?? "cards"} grouped by ${statusFieldOf(entities[0]!)?.label.toLowerCase() ?? "status"}.` }, ...entityPages.slice(1)];
    case "dashboard":
      return [{ path: "/", title: "Overview", purpose: "Key totals and charts of the data." }, ...entityPages];
    case "crud":
    case "content":
      return entityPages;
  }
}

function describeEntity(e: TPlanEntity): string {
  const fields = e.fields.map((f) => f.label.toLowerCase()).slice(0, 6).join(", ");
  const parents = e.belongsTo.length ? `, linked to ${e.belongsTo.map((p) => p.toLowerCase()).join(" and ")}` : "";
  return `${e.pluralLabel.toLowerCase()} (${fields}${parents})`;
}

function featuresOf(core: PlanCore, entities: TPlanEntity[]): string[] {
  const features: string[] = [];
  const main = entities[0];
  switch (core.kind) {
    case "tool":
      features.push(...toolById(core.tool ?? "calculator").features);
      break;
    case "landing":
      features.push("Hero with a clear call to action", "Feature highlights", "Frequently asked questions", "Waitlist signup with email validation");
      break;
    case "kanban":
      if (main) features.push(`Board columns: ${(statusFieldOf(main)?.options ?? []).join(", ")}`, "Move cards between columns with buttons or drag and drop");
      break;
    case "dashboard":
      if (main) features.push(`Totals and charts of ${main.pluralLabel.toLowerCase()}`, "Sample data to explore the dashboard");
      break;
    case "crud":
    case "content":
      break;
  }
  for (const e of entities) {
    if (core.kind === "landing") break;
    features.push(`Add, edit, delete and search ${e.pluralLabel.toLowerCase()}`);
    for (const p of e.belongsTo) features.push(`Link each ${entityLabel(e).toLowerCase()} to a ${p.toLowerCase()}`);
  }
  features.push("Data is saved in the browser and survives reloads", `${core.theme.colorScheme === "dark" ? "Dark" : "Light"} theme with accent ${core.theme.accent}`, "Responsive layout, keyboard and screen-reader friendly");
  return features.map((f) => f.slice(0, 200)).slice(0, 30);
}

function summaryOf(core: PlanCore, entities: TPlanEntity[]): string {
  let what: string;
  switch (core.kind) {
    case "tool":
      what = `A ${toolById(core.tool ?? "calculator").title.toLowerCase()}: ${toolById(core.tool ?? "calculator").purpose}`;
      break;
    case "landing":
      what = `A landing page for ${core.appName} with a waitlist signup.`;
      break;
    case "kanban":
      what = `A kanban board of ${entities.map(describeEntity).join("; ")}.`;
      break;
    case "dashboard":
      what = `A dashboard with charts over ${entities.map(describeEntity).join("; ")}.`;
      break;
    case "crud":
    case "content":
      what = `An app to manage ${entities.map(describeEntity).join("; ")}.`;
      break;
  }
  const request = core.request ? ` Requested: ${core.request}` : "";
  return `${what.slice(0, 600 - request.length)}${request}`.slice(0, 600);
}

function tasksOf(core: PlanCore, entities: TPlanEntity[]): TPlan["tasks"] {
  const names = entities.map((e) => e.name).join(", ") || "no tables";
  return [
    { id: "compile-plan", agent: "PromptCompiler", description: "Turn the prompt into this plan.", dependsOn: [] },
    { id: "generate-code", agent: "CodeGen", description: `Generate the ${core.kind} UI: index.html, styles and ES modules for ${core.kind === "tool" ? "the tool" : "each page"}.`, dependsOn: ["compile-plan"] },
    { id: "generate-data-layer", agent: "DB", description: `PostgreSQL schema, seed data and the browser data layer (${names}).`, dependsOn: ["compile-plan"] },
    { id: "generate-infra", agent: "Infra", description: "Dockerfile, vercel.json, CI workflow, README, package.json and data-layer tests.", dependsOn: ["generate-code", "generate-data-layer"] },
    { id: "run-acceptance-checks", agent: "QA", description: "Static checks, the app's own tests and the acceptance checks in headless Chromium.", dependsOn: ["generate-infra"] },
    { id: "deploy-preview", agent: "Deploy", description: "Publish the checked version as a preview.", dependsOn: ["run-acceptance-checks"] },
  ];
}

export function buildPlan(core: PlanCore): TPlan {
  const kind = core.kind === "crud" && core.entities.length === 0 ? "crud" : core.kind;
  let entities = core.entities;
  if (kind === "landing" && !entities.some((e) => e.name === "Signup")) {
    const signup = entityCatalog.find((e) => e.name === "Signup")!;
    entities = [{ name: signup.name, pluralLabel: signup.pluralLabel, fields: signup.fields.map(({ core: _core, ...f }) => f), belongsTo: [] }];
  }
  if (kind === "tool") entities = [];
  if ((kind === "crud" || kind === "kanban" || kind === "dashboard") && entities.length === 0) {
    entities = [{ name: "Item", pluralLabel: "Items", fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "notes", label: "Notes", type: "text", required: false }], belongsTo: [] }];
  }
  entities = normalizeEntities(entities, kind);
  const normalized: PlanCore = { ...core, kind, entities, appName: safeText(core.appName, 60) || "My App" };
  const draft: TPlan = {
    appName: normalized.appName,
    summary: summaryOf(normalized, entities),
    kind,
    theme: normalized.theme,
    pages: pagesOf(normalized, entities).slice(0, 12),
    entities,
    features: featuresOf(normalized, entities),
    acceptanceChecks: [{ id: "placeholder", description: "placeholder", steps: [{ action: "reload" }] }],
    tasks: tasksOf(normalized, entities),
  };
  const plan: TPlan = { ...draft, acceptanceChecks: buildChecks(draft, kind === "tool" ? (core.tool ?? "calculator") : undefined) };
  // Parsing applies schema defaults and fails loudly in tests if a derivation ever drifts.
  return ZPlan.parse(plan);
}

export const appSlugOf = (plan: TPlan): string => slugOf(plan.appName, "app");
