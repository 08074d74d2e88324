// Which of a version's files a deploy target publishes. A version is a whole repository: besides
// the site it holds what the Infra agent writes for people and tools (README, package.json, the
// Dockerfile, CI workflows, tests, the server script, each target's config and deploy notes). On
// Cloudflare and S3 every uploaded file is public at its path, so those stay in the repository
// (GitHub) and out of the upload. Vercel gets vercel.json, the one file it reads as configuration
// (headers, rewrites) rather than serving; nothing else of the repository goes anywhere.
import type { TExternalDeployTarget } from "../../events/deploy-targets";

/** Paths (exact, or a folder with a trailing slash) that belong to the repository, never the site. */
const repositoryOnly = [
  "README.md",
  "package.json",
  "package-lock.json",
  "Dockerfile",
  "vercel.json",
  "wrangler.jsonc",
  "wrangler.json",
  "wrangler.toml",
  "scripts/serve.js",
  "deploy/",
  "tests/",
] as const;

/** Configuration a provider reads from the upload itself (and does not serve). */
const readByProvider: Record<TExternalDeployTarget, readonly string[]> = { vercel: ["vercel.json"], cloudflare: [], s3: [] };

/**
 * Whether `path` is part of the published site on `target`. Dotfiles and dot-folders (.github/,
 * .dockerignore, .env) never are, except .well-known/ (domain verification, security.txt).
 */
export function isSiteFile(target: TExternalDeployTarget, path: string): boolean {
  if (readByProvider[target].includes(path)) return true;
  if (path.split("/").some((segment, index) => segment.startsWith(".") && !(index === 0 && segment === ".well-known"))) return false;
  return !repositoryOnly.some((rule) => (rule.endsWith("/") ? path.startsWith(rule) : path === rule));
}

/** The files `target` publishes, and the paths kept back (for the deployment's log). */
export function selectSiteFiles<F extends { path: string }>(target: TExternalDeployTarget, files: readonly F[]): { site: F[]; keptBack: string[] } {
  const site = files.filter((file) => isSiteFile(target, file.path));
  const keptBack = files.filter((file) => !isSiteFile(target, file.path)).map((file) => file.path);
  return { site, keptBack };
}
