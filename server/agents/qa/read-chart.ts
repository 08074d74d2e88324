// Reads a chart the way the generated apps' chart contract exposes it (server/plan/target-stack.ts):
// a figure named by its caption, typed by aria-roledescription ("pie chart"), with a legend whose
// items read "<label>: <value> (<share>)". What a sighted user reads in the legend is what a
// screen reader hears, and what QA compares.
import type { Page } from "playwright-core";
import { numbersMatch } from "./numbers-match";

export type ChartSegment = { label: string; value: string; share: string | null; raw: string };
export type ChartReading = { roleDescription: string; segments: ChartSegment[] };

const SEGMENT = /^\s*(.+?)\s*:\s*([^()]*?)\s*(?:\(\s*([^)]*?)\s*\))?\s*$/;

export function parseSegment(raw: string): ChartSegment | null {
  const match = SEGMENT.exec(raw.replace(/\s+/g, " "));
  if (!match) return null;
  return { label: match[1]!, value: match[2] ?? "", share: match[3] ? match[3] : null, raw: raw.trim() };
}

export function segmentMatches(segment: ChartSegment, wanted: { label: string; value?: string; share?: string }): boolean {
  if (segment.label.toLowerCase() !== wanted.label.toLowerCase()) return false;
  if (wanted.value !== undefined && !(numbersMatch(segment.value, wanted.value) ?? segment.value.toLowerCase().includes(wanted.value.toLowerCase()))) return false;
  if (wanted.share !== undefined && !(segment.share !== null && (numbersMatch(segment.share, wanted.share) ?? segment.share === wanted.share))) return false;
  return true;
}

export async function readChart(page: Page, name: string): Promise<ChartReading | null> {
  const chart = page.getByRole("figure", { name }).or(page.getByRole("img", { name })).first();
  if ((await chart.count()) === 0) return null;
  const raw = await chart
    .evaluate((element) => {
      const typed = element.closest("[aria-roledescription]") ?? element.querySelector("[aria-roledescription]");
      const figure = element.closest("figure") ?? element;
      const items = [...figure.querySelectorAll("li, [role=listitem]")].map((item) => (item as HTMLElement).innerText || item.getAttribute("aria-label") || item.textContent || "");
      return { roleDescription: (typed?.getAttribute("aria-roledescription") ?? "").toLowerCase(), items };
    })
    .catch(() => null);
  if (!raw) return null;
  const segments = raw.items.map(parseSegment).filter((segment): segment is ChartSegment => segment !== null);
  return { roleDescription: raw.roleDescription, segments };
}
