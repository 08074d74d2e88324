// The dependency rules between the app's layers, enforced by `npm run lint` (one ESLint rule,
// `layers/imports`, configured in eslint.config.mjs) and described in docs/ARCHITECTURE.md.
//
//   pages ──▶ api ──▶ domain            (app/ pages read and write through tRPC: lib/trpc/server)
//   inngest functions ──▶ pipeline ──▶ agents ──▶ llm
//   plan, events: leaf contracts that everything may import and that import nothing of the product
//   executor: a durable-execution engine that knows nothing of the product (only the database)
//   client code ("use client" files, components/): no server code, except the client-safe contracts
//   cli/ (the epic command): a client of the API, with the same allowance as client code
//
// Paths are repository-relative, without extension; a prefix covers its folder ("server/plan"
// covers server/plan/**). An import is checked after resolving `~/…` and relative specifiers,
// so `../agents/x` from server/llm/ counts as server/agents/x. Tests and test helpers are exempt:
// they may build fixtures from any layer.
import path from "node:path";

/** Server modules a browser bundle may import: zod-free or zod-only contracts, no Node APIs, no database. */
export const clientSafeModules = [
  "server/plan",
  "server/events/run-events",
  "server/events/run-statuses",
  "server/events/deploy-targets",
  // Prisma's generated enums: plain constants, no client (see server/db/generated/browser.ts).
  "server/db/generated/enums",
  // Input schemas and rules shared by forms and procedures (zod only), so the form says what the server will.
  "server/workspaces/roles",
  "server/users/schemas",
  "server/validation/common",
  "server/executor-admin/schemas",
  "server/executor-admin/to-json-preview",
  "server/projects/prompt-rules",
  // Pure text helpers the files panel shares with the version diff.
  "server/versions/file-text",
  "server/versions/line-diff",
  // The request id's header name and shape (no imports): the root layout hands the page load's id to
  // the browser's error reporting.
  "server/http/request-id",
];

const notProduct = "the executor knows nothing of the product: only the database and its own folders";

/**
 * Each layer: which files it covers (`files`: path prefixes, or `clientDirective` for "use client"
 * files), what they may not import (`deny`), the exceptions (`allow`), and whether type-only imports
 * are exempt (they vanish from the output, so they cannot pull code across).
 */
export const layers = [
  {
    name: "leaf contracts",
    files: ["server/plan", "server/events"],
    deny: ["server", "app", "components", "lib", "inngest"],
    allow: ["server/plan", "server/events", "server/db/generated/enums"],
    message: "server/plan and server/events are leaf contracts: they import only each other and Prisma's generated enums",
  },
  {
    name: "executor",
    files: ["server/executor"],
    deny: ["server", "app", "components", "lib", "inngest"],
    // The logger and metrics are infrastructure like the database, not product.
    allow: ["server/executor", "server/db", "server/observability"],
    message: notProduct,
  },
  {
    name: "model layer",
    files: ["server/llm"],
    deny: ["server/agents", "server/pipeline", "server/runs", "server/api", "inngest", "app", "components", "lib"],
    message: "the model layer (server/llm) is below the agents: it must not import agents, the pipeline, runs or the API",
  },
  {
    name: "agents",
    files: ["server/agents"],
    deny: ["server/pipeline", "server/runs", "server/api", "inngest", "app", "components", "lib"],
    message: "agents are plain functions below the pipeline: they must not import the pipeline, runs, the API or Inngest",
  },
  {
    name: "pipeline",
    files: ["server/pipeline"],
    deny: ["server/api", "inngest", "app", "components", "lib"],
    // The one place that binds the app's Inngest client: domain code and steps send events through it.
    allow: ["inngest/client"],
    message: "the pipeline is driven by the Inngest functions and must not import them, the API or the app",
  },
  {
    name: "domain",
    files: ["server"],
    // Layers with rules of their own above, and the API on top of the domain.
    except: ["server/plan", "server/events", "server/executor", "server/llm", "server/agents", "server/pipeline", "server/api"],
    deny: ["server/api", "server/agents", "inngest", "app", "components", "lib"],
    message: "domain modules are below the API and beside the pipeline: they must not import the API, agents, Inngest or the app",
  },
  {
    name: "inngest functions",
    files: ["inngest"],
    deny: ["server/agents", "server/api", "app", "components", "lib"],
    message: "Inngest functions wire pipeline steps: they call server/pipeline, never the agents or the API directly",
  },
  {
    name: "api",
    files: ["server/api", "app/api"],
    // Route handlers outside app/api (the preview route) are API endpoints too.
    filePatterns: [/^app\/.*\/route\.tsx?$/],
    deny: ["inngest/functions", "server/agents", "components", "lib"],
    message: "the API calls domain functions; it does not reach into the agents, the Inngest functions or UI code",
  },
  {
    name: "pages",
    files: ["app"],
    except: ["app/api"],
    exceptFiles: [/\/route\.tsx?$/],
    deny: ["server", "inngest"],
    allow: [
      ...clientSafeModules,
      // Who is signed in, and whether they are an admin, decides what a page renders or where it redirects.
      "server/auth/session",
      "server/auth/options",
      "server/auth/is-session-user-admin",
      "server/env",
      // A process-wide status (is there a browser for QA?), not workspace data: no procedure needed.
      "server/browser/browser-status",
    ],
    allowTypeImports: true,
    message: "pages reach the domain through the API (getServerApi from lib/trpc/server), not by importing server modules",
  },
  {
    name: "client code",
    files: ["components"],
    clientDirective: true,
    deny: ["server", "inngest", "lib/trpc/server"],
    allow: clientSafeModules,
    allowTypeImports: true,
    message: "client code must not import server code (only type imports and the client-safe contracts in eslint/layers.mjs)",
  },
  {
    name: "cli",
    files: ["cli"],
    deny: ["server", "app", "components", "lib", "inngest"],
    allow: clientSafeModules,
    // AppRouter is a type: the typed client needs it, and it vanishes from the bundle.
    allowTypeImports: true,
    message: "the epic CLI is a client of the API: it imports only the client-safe contracts (and types such as AppRouter), so its bundle carries no server code",
  },
  {
    name: "client-safe contracts",
    files: clientSafeModules,
    deny: ["server", "inngest", "app", "components", "lib"],
    allow: clientSafeModules,
    allowTypeImports: true,
    message: "a client-safe module is bundled for the browser: it may import only other client-safe modules",
  },
];

const isUnder = (file, prefix) => file === prefix || file.startsWith(`${prefix}/`);
const matchesAny = (file, prefixes = []) => prefixes.some((prefix) => isUnder(file, prefix));
const isTestFile = (file) => /\.test\.[cm]?[jt]sx?$/.test(file) || /(^|\/)testing\//.test(file);

const withoutExtension = (file) => file.replace(/\.(?:[cm]?[jt]sx?)$/, "");

/** Repository-relative target of an import, or null for a package. */
export function resolveImport(fromFile, specifier) {
  let target;
  if (specifier.startsWith("~/")) target = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  return withoutExtension(target).replace(/\/index$/, "");
}

function layersOf(file, isClient) {
  // Layers may name single modules ("server/users/schemas"), so compare without the extension.
  const modulePath = withoutExtension(file);
  return layers.filter((layer) => {
    if (layer.exceptFiles?.some((pattern) => pattern.test(file)) || matchesAny(modulePath, layer.except)) return false;
    return matchesAny(modulePath, layer.files) || layer.filePatterns?.some((pattern) => pattern.test(file)) || (layer.clientDirective === true && isClient);
  });
}

function hasUseClient(program) {
  return program.body.some((statement) => statement.type === "ExpressionStatement" && statement.directive === "use client");
}

/** The first rule a file's import breaks, or null. */
export function brokenLayer(file, isClient, specifier, isTypeOnly) {
  const target = resolveImport(file, specifier);
  if (target === null || isTestFile(file)) return null;
  for (const layer of layersOf(file, isClient)) {
    if (isTypeOnly && layer.allowTypeImports) continue;
    if (matchesAny(target, layer.deny) && !matchesAny(target, layer.allow)) return { layer, target };
  }
  return null;
}

const importsRule = {
  meta: {
    type: "problem",
    docs: { description: "Enforce the dependency rules between the app's layers (eslint/layers.mjs)" },
    schema: [],
    messages: { broken: "{{layer}}: {{message}} (imports {{target}})." },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    if (file.startsWith("..")) return {};
    let isClient = false;
    const check = (node, source, isTypeOnly) => {
      if (!source || typeof source.value !== "string") return;
      const broken = brokenLayer(file, isClient, source.value, isTypeOnly);
      if (broken) context.report({ node, messageId: "broken", data: { layer: broken.layer.name, message: broken.layer.message, target: broken.target } });
    };
    const isTypeOnlyImport = (node) =>
      node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type"));
    return {
      Program(program) {
        isClient = hasUseClient(program);
      },
      ImportDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null, false),
    };
  },
};

export const layersPlugin = { meta: { name: "layers" }, rules: { imports: importsRule } };
