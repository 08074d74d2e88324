import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

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
  async headers() {
    // Previews set their own policy (strict CSP, framable by the dashboard only): see serve-preview.ts.
    return [{ source: "/((?!preview/).*)", headers: securityHeaders }];
  },
};

export default nextConfig;
