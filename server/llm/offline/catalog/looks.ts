// Words for how an app should look, and the theme each one sets. Matched with the pattern
// language of understand/match-pattern.ts.
import type { TTheme } from "~/server/plan/app-spec";

export type LookConcept = { patterns: string[]; text: string; theme: Partial<Omit<TTheme, "requirementIds">> };

export const lookConcepts: LookConcept[] = [
  { patterns: ["dark mode|theme|background|colours|colors|look|ui", "night mode", "darkmode", "dark", "black background"], text: "Dark background with light text", theme: { colorScheme: "dark" } },
  { patterns: ["light mode|theme|background", "white background"], text: "Light background", theme: { colorScheme: "light" } },
  { patterns: ["warm|cosy|cozy|earthy|autumn|autumnal|rustic ,? and? warm|cosy|cozy|earthy|autumn|autumnal|rustic colours|colors|palette|theme|tones|look", "warm|cosy|cozy|earthy|autumn|autumnal|rustic colours|colors|palette|theme|tones|look", "warm", "cosy", "cozy", "old cookbook", "vintage", "terracotta", "like an old"], text: "Warm colours", theme: { palette: "warm", accent: "#b45309" } },
  { patterns: ["sage green? and? cream?", "sage", "olive green"], text: "Sage green and cream colours", theme: { palette: "sage", accent: "#5f7a61" } },
  { patterns: ["bright|vibrant|colourful|colorful|playful|fun colours|colors|palette|theme", "bright", "colourful", "colorful", "vibrant"], text: "Bright, playful colours", theme: { palette: "bright", accent: "#db2777" } },
  { patterns: ["pastel|soft colours|colors|palette|tones", "pastel"], text: "Soft pastel colours", theme: { palette: "pastel", accent: "#8b5cf6" } },
  { patterns: ["cool|calm|calming colours|colors|palette|tones"], text: "Cool, calm colours", theme: { palette: "cool", accent: "#0e7490" } },
  { patterns: ["minimal|minimalist|monochrome", "black and white"], text: "Minimal black-and-white look", theme: { palette: "mono", accent: "#111827" } },
  { patterns: ["serif font|fonts|typeface|type|headings", "serif", "classic font|typeface", "elegant font"], text: "A serif font", theme: { font: "serif" } },
  { patterns: ["rounded|friendly font|fonts"], text: "A rounded, friendly font", theme: { font: "rounded" } },
  { patterns: ["monospace|typewriter font|fonts"], text: "A monospace font", theme: { font: "mono" } },
  // Who the app is for can ask for a look too: a young child reads bigger, rounder letters.
  { patterns: ["for my|our|a # year|yr old", "for my|our|a # year|yr - old", "# year|yr - old", "for kids|children|toddlers|preschoolers", "for my|our kid|kids|son|daughter|child|children|toddler"], text: "Made for a young child: bigger text and a friendly, rounded font", theme: { textScale: 1.25, font: "rounded" } },
  { patterns: ["big|large|larger|bigger|huge|giant text|font|fonts|letters|print|writing|buttons", "easy to read", "hard of seeing", "poor eyesight"], text: "Big text", theme: { textScale: 1.5 } },
];

/** Colour words for "use green", "green theme", "blue buttons": the accent colour. */
export const accentColours: Record<string, string> = {
  green: "#15803d", blue: "#2563eb", red: "#dc2626", purple: "#7c3aed", violet: "#7c3aed", orange: "#ea580c", pink: "#db2777",
  teal: "#0d9488", yellow: "#ca8a04", gold: "#b8860b", brown: "#92400e", navy: "#1e3a8a", black: "#111827", grey: "#4b5563", gray: "#4b5563",
  turquoise: "#0891b2", lilac: "#a78bfa", lavender: "#8b5cf6", mint: "#10b981", coral: "#f97362", maroon: "#7f1d1d", indigo: "#4338ca",
};
/** Words after a colour that make it a look ("green theme", "blue buttons"). */
export const colourTargets = ["theme", "colour", "color", "colours", "colors", "accent", "button", "buttons", "header", "look", "scheme", "palette", "background"];

/** Verbs that colour some records rather than the app ("overdue tasks highlighted in red"). */
export const highlightWords = ["highlight", "highlighted", "highlighting", "highlights", "shown", "marked", "coloured", "colored", "flagged"];
