// index.html: a static shell (no inline script or style, for the strict preview CSP).
import type { TPlan } from "~/server/plan/plan-schema";
import { pageConfigs, taglineOf } from "../app-config";
import { escapeHtml } from "../html-escape";

export function indexHtml(plan: TPlan): string {
  const pages = pageConfigs(plan);
  const name = escapeHtml(plan.appName);
  const initial = escapeHtml((plan.appName.match(/[A-Za-z0-9]/)?.[0] ?? "A").toUpperCase());
  const links = pages.map((p) => `        <a class="nav-link" href="#${escapeHtml(p.path)}">${escapeHtml(p.title)}</a>`).join("\n");
  return `<!doctype html>
<html lang="en" data-theme="${plan.theme.colorScheme}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="${plan.theme.colorScheme}">
    <meta name="description" content="${escapeHtml(taglineOf(plan))}">
    <title>${name}</title>
    <link rel="icon" href="./favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="./styles.css">
    <script type="module" src="./src/main.js"></script>
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="app-header">
      <div class="app-header-inner">
        <a class="brand" href="#${escapeHtml(pages[0]?.path ?? "/")}"><span class="brand-mark" aria-hidden="true">${initial}</span><span class="brand-name">${name}</span></a>
        <nav id="nav" class="nav" aria-label="Main"${pages.length < 2 ? " hidden" : ""}>
${links}
        </nav>
      </div>
    </header>
    <main id="main" class="app-main" tabindex="-1">
      <noscript><p class="card">${name} needs JavaScript to run.</p></noscript>
    </main>
    <div id="toast" class="toast" role="status" aria-live="polite"></div>
  </body>
</html>
`;
}

export function faviconSvg(plan: TPlan): string {
  const initial = escapeHtml((plan.appName.match(/[A-Za-z0-9]/)?.[0] ?? "A").toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${plan.theme.accent}"/><text x="32" y="43" font-family="system-ui, sans-serif" font-size="32" font-weight="700" text-anchor="middle" fill="#ffffff">${initial}</text></svg>
`;
}
