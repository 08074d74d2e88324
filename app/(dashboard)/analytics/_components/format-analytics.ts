// Number and date formatting shared by the cards, the charts and their accessible summaries.
const count = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
// Day keys are UTC dates; formatting them in the viewer's zone would shift them a day west of Greenwich.
const shortDay = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

export const formatCount = (value: number) => count.format(value);
export const formatCompact = (value: number) => compact.format(value);
export const formatPercent = (rate: number | null) => (rate === null ? "—" : percent.format(rate));
export const formatShortDay = (day: string) => shortDay.format(dayDate(day));
export const formatLongDay = (day: string) => longDay.format(dayDate(day));

/** Cents for ordinary amounts; model calls often cost fractions of a cent, so small amounts keep more digits. */
export function formatUsd(value: number): string {
  const isTiny = value !== 0 && Math.abs(value) < 1;
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: isTiny ? 4 : 2,
  }).format(value);
}
