import js from "@eslint/js";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import globals from "globals";
import { layersPlugin } from "./eslint/layers.mjs";

// The generated apps' runtime (browser ES modules, plus a Node server and node:test file) is not
// part of this Next app: it gets its own rules below instead of the Next/React ones.
const appRuntime = "server/llm/offline/runtime";
const isGlobalIgnore = (config) => Object.keys(config).length === 1 && "ignores" in config;
const outsideAppRuntime = (configs) =>
  configs.map((config) => (isGlobalIgnore(config) ? config : { ...config, ignores: [...(config.ignores ?? []), `${appRuntime}/**/*.js`] }));

// Generated apps have no bundler and no dependencies: a browser loads each import by URL.
const relativeJsImportsOnly = {
  regex: "^(?!\\.{1,2}/.*\\.js$)",
  message: "Generated apps load modules by URL: import another runtime file by a relative path ending in .js.",
};

const config = [
  ...outsideAppRuntime([...nextCoreWebVitals, ...nextTypescript]),
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "server/db/generated/**",
      "tools/**",
      "test-results/**",
      "playwright-report/**",
      "e2e/artifacts/**",
      "cli/dist/**",
      "next-env.d.ts",
    ],
  },
  ...outsideAppRuntime([
    {
      rules: {
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      },
    },
  ]),
  {
    // Server code logs through server/observability/logger.ts (JSON lines with the request and run
    // ids, secrets redacted), never the console. Tests and the generated apps' runtime may print.
    files: ["server/**/*.{ts,tsx}", "inngest/**/*.{ts,tsx}", "app/api/**/*.{ts,tsx}", "instrumentation.ts", "instrumentation-node.ts"],
    ignores: ["**/*.test.ts", "**/testing/**", `${appRuntime}/**`],
    rules: { "no-console": "error" },
  },
  {
    // The layer rules (eslint/layers.mjs; docs/ARCHITECTURE.md): a wrong import fails the lint.
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { layers: layersPlugin },
    rules: { "layers/imports": "error" },
  },
  {
    files: [`${appRuntime}/**/*.js`],
    ...js.configs.recommended,
    // ES2022 syntax: what the browsers the generated apps target all run without a build step.
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      // Previews are served with script-src 'self' (no 'unsafe-eval'): these would throw there.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      // Markup only through h()/svg() in src/lib/dom.js, which insert text as text nodes, so text
      // from users or plans can never become HTML.
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML"].map((property) => ({ property, message: "Build elements with h() or svg() from src/lib/dom.js." })),
        { object: "document", property: "write", message: "Build elements with h() or svg() from src/lib/dom.js." },
      ],
      "no-restricted-imports": ["error", { patterns: [relativeJsImportsOnly] }],
    },
  },
  {
    // The app's own Node parts: its static server and its node --test tests.
    files: [`${appRuntime}/scripts/**/*.js`, `${appRuntime}/tests/**/*.js`],
    languageOptions: { globals: globals.node },
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ ...relativeJsImportsOnly, regex: "^(?!node:|\\.{1,2}/.*\\.js$)", message: "The generated app has no dependencies: import node: built-ins or relative .js files." }] }],
    },
  },
];

export default config;
