// Prisma 6 configuration for generating migration SQL offline; only
// scripts/new-migration.ts uses it (see README.md here).
//
// Prisma 7's CLI downloads a native schema engine before it will diff anything, which
// offline machines cannot do. Prisma 6 can instead run its Wasm schema engine over a
// JavaScript driver adapter. Even a datamodel-to-datamodel diff opens a connection
// (to check the server version), so it gets a throwaway in-memory PGlite.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPGlite(new PGlite()),
});
