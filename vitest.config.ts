import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname) } },
  test: {
    // The generated-app runtime is plain JavaScript, so its tests are too (they import its .js
    // modules, which TypeScript here does not type).
    include: ["**/*.test.ts", "**/*.test.tsx", "server/llm/offline/runtime-tests/**/*.test.js"],
    exclude: ["node_modules/**", "e2e/**", "tools/**", ".next/**", ".data/**"],
    environment: "node",
    // Integration tests start PGlite (Wasm Postgres): give them room on small CI machines.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests play scripts/serve.ts's part: a request's TCP peer is the x-epic-client-address they send.
    env: { NODE_ENV: "test", SKIP_ENV_VALIDATION: "", EPIC_STAMPS_PEER_ADDRESS: "1" },
  },
});
