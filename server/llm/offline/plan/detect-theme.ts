// Theme hints in a prompt: dark/light and an accent colour by name or hex code.
import type { TPlan } from "~/server/plan/plan-schema";

export const defaultAccent = "#4f46e5";

const namedAccents: Record<string, string> = {
  indigo: "#4f46e5", blue: "#2563eb", sky: "#0284c7", cyan: "#0891b2", teal: "#0d9488", green: "#16a34a",
  emerald: "#059669", lime: "#65a30d", yellow: "#ca8a04", amber: "#d97706", orange: "#ea580c", red: "#dc2626",
  rose: "#e11d48", pink: "#db2777", fuchsia: "#c026d3", purple: "#9333ea", violet: "#7c3aed", brown: "#92400e",
  gray: "#4b5563", grey: "#4b5563", slate: "#475569", black: "#18181b", gold: "#b45309", coral: "#f43f5e",
  mint: "#10b981", navy: "#1e3a8a", turquoise: "#0d9488", magenta: "#c026d3", lavender: "#8b5cf6",
};

export interface ThemeHint {
  colorScheme?: TPlan["theme"]["colorScheme"];
  accent?: string;
}

export function detectTheme(text: string): ThemeHint {
  const hint: ThemeHint = {};
  if (/\b(dark|night|midnight|dim)\b|\bdark ?mode\b|\bblack background\b/.test(text)) hint.colorScheme = "dark";
  else if (/\b(light|bright|white) (mode|theme|background)\b|\bmake it (light|bright)\b|\blight ?mode\b/.test(text)) hint.colorScheme = "light";
  const hex = /#([0-9a-f]{6})\b/.exec(text);
  if (hex) hint.accent = `#${hex[1]}`;
  else {
    // Only colour words used as colours ("a green accent", "make it teal"), not "black background".
    const colour = /\b(indigo|blue|sky|cyan|teal|green|emerald|lime|yellow|amber|orange|red|rose|pink|fuchsia|purple|violet|brown|gray|grey|slate|gold|coral|mint|navy|turquoise|magenta|lavender)\b(?! background)/.exec(text);
    if (colour) hint.accent = namedAccents[colour[1]!]!;
  }
  return hint;
}
