// The Infra agent's per-target output: the config each deploy target the project chose reads,
// written from the same settings the deploy applies (server/deployments/targets/target-settings.ts),
// so a user deploying the repository by hand gets what the platform's deploy does:
//   vercel: vercel.json (headers, cache rules, the SPA fallback);
//   cloudflare: wrangler.jsonc (Workers static assets);
//   s3: deploy/s3.md (the bucket's website configuration and the cache headers of each upload).
// The preview needs none. Whatever the brain, these are deterministic (agent-brain.ts adds them).
import { externalDeployTargets, type TDeployTarget, type TExternalDeployTarget } from "~/server/events/deploy-targets";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { cacheControls, CLOUDFLARE_COMPATIBILITY_DATE, cloudflareAssetsConfig, s3WebsiteConfiguration } from "~/server/deployments/targets/target-settings";
import { previewCsp } from "../preview-csp";
import { jsLiteral } from "./js-literal";

/** Where the project deploys: its chosen targets and its name on the providers (siteNameFor). */
export type TInfraDeploySetup = { targets: readonly TDeployTarget[]; siteName: string };

export const targetConfigPaths = { vercel: "vercel.json", cloudflare: "wrangler.jsonc", s3: "deploy/s3.md" } as const satisfies Record<TExternalDeployTarget, string>;

/** Vercel's path-to-regexp sources for what cacheControlFor sorts: HTML, and assets named by their content. */
export const vercelHtmlSources = ["/", "/(.*\\.html?)"] as const;
export const vercelHashedAssetSource = "/(.*[.-][A-Za-z0-9_]{8,}\\.(?:js|mjs|css|woff2?|png|jpe?g|gif|svg|webp|avif|ico))";

/** The app routes in the browser when it has more than one page (by hash in the runtime, but a deep link typed without '#' must still load it). */
export function usesClientRouting(plan: TPlan): boolean {
  return plan.pages.length > 1;
}

export function vercelJson(plan: TPlan): string {
  const cache = (source: string, value: string) => ({ source, headers: [{ key: "Cache-Control", value }] });
  const config = {
    cleanUrls: false,
    trailingSlash: false,
    // Later rules win for the same header: everything revalidates, content-named assets are kept, pages are never cached.
    headers: [
      {
        source: "/(.*)",
        headers: [
          { key: "Content-Security-Policy", value: previewCsp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Cache-Control", value: cacheControls.other },
        ],
      },
      cache(vercelHashedAssetSource, cacheControls.hashedAsset),
      ...vercelHtmlSources.map((source) => cache(source, cacheControls.html)),
    ],
    // Files are served first; any other path is the app, as on Cloudflare (single-page-application) and S3 (the error document).
    ...(usesClientRouting(plan) ? { rewrites: [{ source: "/(.*)", destination: "/index.html" }] } : {}),
  };
  return `${jsLiteral(config, 2)}\n`;
}

export function wranglerJsonc(siteName: string): string {
  const config = {
    name: siteName,
    compatibility_date: CLOUDFLARE_COMPATIBILITY_DATE,
    assets: { directory: "./", ...cloudflareAssetsConfig },
  };
  return [
    "// Cloudflare Workers static assets: the app's files, served as they are (no build step).",
    "// Epic AI Dev's deploy uploads them with this configuration; `npx wrangler deploy` here does the same.",
    `${jsLiteral(config, 2)}`,
    "",
  ].join("\n");
}

export function s3Note(siteName: string): string {
  return [
    "# AWS S3 static website",
    "",
    `The deploy uploads the app's files under the bucket prefix \`${siteName}/\` (pages last, so a page never`,
    "references an asset not yet uploaded), removes the files under it the version no longer has, and sets the",
    "bucket's website configuration. With a CloudFront distribution it also invalidates",
    `\`/${siteName}/*\`.`,
    "",
    "## Website configuration",
    "",
    "As `aws s3api put-bucket-website --website-configuration file://…` takes it. The error document is the app,",
    "so a path that is not a file loads it.",
    "",
    "```json",
    jsLiteral(s3WebsiteConfiguration(siteName), 2),
    "```",
    "",
    "## Cache headers",
    "",
    "| Files | Cache-Control |",
    "| --- | --- |",
    `| pages (\`.html\`) | \`${cacheControls.html}\` |`,
    `| assets named by their content (\`app.3f9a1c2e.js\`) | \`${cacheControls.hashedAsset}\` |`,
    `| everything else | \`${cacheControls.other}\` |`,
    "",
    "Each file also gets its Content-Type from its extension.",
    "",
  ].join("\n");
}

/** The configs of the project's chosen targets, in the contract's order. */
export function targetFiles(plan: TPlan, setup: TInfraDeploySetup): TGeneratedFile[] {
  const files: TGeneratedFile[] = [];
  for (const target of externalDeployTargets) {
    if (!setup.targets.includes(target)) continue;
    switch (target) {
      case "vercel":
        files.push({ path: targetConfigPaths.vercel, content: vercelJson(plan) });
        break;
      case "cloudflare":
        files.push({ path: targetConfigPaths.cloudflare, content: wranglerJsonc(setup.siteName) });
        break;
      case "s3":
        files.push({ path: targetConfigPaths.s3, content: s3Note(setup.siteName) });
        break;
      default: {
        const unhandled: never = target;
        throw new Error(`No config for the deploy target ${String(unhandled)}`);
      }
    }
  }
  return files;
}
