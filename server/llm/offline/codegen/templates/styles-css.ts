// styles.css: one stylesheet for every generated app (the runtime file styles.css) under a
// per-plan header. Theme colours are CSS variables; the accent and the text colour on it come
// from the plan here, and dark mode is a data-theme attribute on <html>.
import type { TPlan } from "~/server/plan/plan-schema";
import { readRuntimeFile } from "../../read-runtime-file";

/** Black or white, whichever reads better on the accent (WCAG relative luminance). */
export function contrastOn(hex: string): string {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.45 ? "#111111" : "#ffffff";
}

export function stylesCss(plan: TPlan): string {
  return `/* Styles for ${plan.kind} app. Colours are variables: change --accent to restyle everything. */
:root {
  --accent: ${plan.theme.accent};
  --accent-contrast: ${contrastOn(plan.theme.accent)};
}

${readRuntimeFile("styles.css")}`;
}
