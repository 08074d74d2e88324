// Reads the appearance a user would notice — background, text size, font, accent colour — from
// the page's computed styles, and judges it against a check (server/plan/check-steps.ts).
import type { Page } from "playwright-core";
import type { styleChecks } from "~/server/plan/check-steps";

export type StyleReading = {
  /** The first opaque background found from main up to html, as rgb(). */
  background: string;
  fontSizePx: number;
  fontFamily: string;
  /** The app's accent: the --accent custom property, else a primary button's background. */
  accent: string | null;
};

export async function readStyle(page: Page): Promise<StyleReading> {
  return page.evaluate(() => {
    const opaque = (color: string) => color && !/rgba\(.*,\s*0\)$/.test(color) && color !== "transparent";
    const chain = [document.querySelector("main"), document.body, document.documentElement].filter((element): element is HTMLElement => element !== null);
    const background = chain.map((element) => getComputedStyle(element).backgroundColor).find(opaque) ?? "rgb(255, 255, 255)";
    const textElement = document.querySelector("main p, main li, main td, main label, p, li, label") ?? document.body;
    const text = getComputedStyle(textElement);
    const root = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim();
    const button = document.querySelector(".btn-primary, button[type=submit], button");
    return {
      background,
      fontSizePx: parseFloat(text.fontSize),
      fontFamily: text.fontFamily,
      accent: root || (button ? getComputedStyle(button).backgroundColor : null),
    };
  });
}

function rgbOf(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) as [number, number, number];
  const rgb = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/** Relative luminance (WCAG), 0 = black, 1 = white. */
export function luminance(color: string): number | null {
  const rgb = rgbOf(color);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function hueOf(color: string): number | null {
  const rgb = rgbOf(color);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.04) return null; // grey: no hue to speak of
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const serifFamilies = /georgia|times|garamond|cambria|palatino|baskerville|charter|book antiqua|iowan|(^|[\s,"'])serif/i;

export function styleMatches(reading: StyleReading, check: (typeof styleChecks)[number], value?: string): boolean {
  switch (check) {
    case "dark-background":
      return (luminance(reading.background) ?? 1) < 0.2;
    case "light-background":
      return (luminance(reading.background) ?? 0) > 0.6;
    case "large-text":
      return reading.fontSizePx >= Number(value ?? 19);
    case "serif-font": {
      const first = reading.fontFamily.split(",")[0] ?? "";
      return serifFamilies.test(first) && !/sans-serif/i.test(first);
    }
    case "accent-hue": {
      const shown = reading.accent ? hueOf(reading.accent) : null;
      const wanted = value ? hueOf(value) : null;
      if (shown === null || wanted === null) return false;
      const distance = Math.abs(shown - wanted);
      return Math.min(distance, 360 - distance) <= 35;
    }
  }
}
