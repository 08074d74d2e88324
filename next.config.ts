import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships a Wasm build of Postgres and data files that must be loaded from node_modules as-is.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  // Read from disk at run time, so serverless bundles must carry them: the migrations at
  // start-up, the generated apps' runtime files (server/llm/offline/runtime) at generation time.
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*", "./server/llm/offline/runtime/**/*"] },
  poweredByHeader: false,
  // Preview URLs must keep their trailing slash: generated apps load ./src/app.js relative to it.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
  async redirects() {
    // The executor's admin pages moved: in the product, "runs" are the pipeline's own Runs.
    return [{ source: "/admin/runs/:path*", destination: "/admin/executor/:path*", permanent: true }];
  },
  // Security headers are set per request, where the host is known: pages in proxy.ts (CSP with a
  // nonce, framing, HSTS), API routes in server/http/route-guard.ts, previews in serve-preview.ts.
};

export default nextConfig;
