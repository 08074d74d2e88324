// index.html and favicon.svg of a generated app. The page is a static shell under the preview
// CSP: no inline script or style, relative URLs only; the look is set by attributes on <html>
// (styles.css reads them), and src/main.js builds everything inside <body>.
import type { TPlan } from "~/server/plan/plan-schema";
import { escapeHtml } from "./html-escape";

/** The attributes on <html> that select the plan's look in styles.css. */
export function themeAttributes(theme: TPlan["theme"]): Record<string, string> {
  return {
    "data-scheme": theme.colorScheme,
    ...(theme.palette && theme.palette !== "default" ? { "data-palette": theme.palette } : {}),
    ...(theme.font ? { "data-font": theme.font } : {}),
    ...((theme.textScale ?? 1) >= 1.2 ? { "data-text-size": "large" } : {}),
  };
}

/** The words a search engine or a link preview shows: the hero's tagline, else the name. */
function descriptionOf(plan: TPlan): string {
  for (const page of plan.pages) for (const section of page.sections ?? []) if (section.type === "hero" && section.tagline) return section.tagline;
  return plan.appName;
}

const initialOf = (name: string): string => (/[\p{L}\p{N}]/u.exec(name)?.[0] ?? "A").toUpperCase();

export function indexHtml(plan: TPlan): string {
  const attributes = Object.entries(themeAttributes(plan.theme)).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join("");
  const name = escapeHtml(plan.appName);
  return `<!doctype html>
<html lang="en"${attributes}>
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="${plan.theme.colorScheme}">
    <meta name="description" content="${escapeHtml(descriptionOf(plan))}">
    <title>${name}</title>
    <link rel="icon" href="./favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="./styles.css">
    <script type="module" src="./src/main.js"></script>
  </head>
  <body>
    <noscript><p>${name} needs JavaScript to run.</p></noscript>
  </body>
</html>
`;
}

export function faviconSvg(plan: TPlan): string {
  const initial = escapeHtml(initialOf(plan.appName));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${plan.theme.accent}"/><text x="32" y="43" font-family="system-ui, sans-serif" font-size="32" font-weight="700" text-anchor="middle" fill="${contrastOn(plan.theme.accent)}">${initial}</text></svg>
`;
}

/** Black or white, whichever reads better on the accent (WCAG relative luminance). */
export function contrastOn(hex: string): string {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast with white vs with near-black; pick the larger.
  return (1.05) / (luminance + 0.05) >= (luminance + 0.05) / 0.0555 ? "#ffffff" : "#111111";
}

/** styles.css: the plan's accent and text size as CSS variables, then the runtime's stylesheet. */
export function stylesCss(plan: TPlan, baseCss: string): string {
  const scale = Math.min(2, Math.max(1, plan.theme.textScale ?? 1));
  return `/* The look of ${plan.appName.replace(/\*\//g, "")}: change --accent to restyle everything. */
:root {
  --accent: ${plan.theme.accent};
  --accent-contrast: ${contrastOn(plan.theme.accent)};
  --text-scale: ${scale};
}

${baseCss}`;
}
