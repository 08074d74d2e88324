// The SDK sends durations as compact strings ("1s", "2h30m", "1w2d") produced by its
// `timeStr`, and absolute times (sleepUntil) as ISO-8601 strings.

const unitMs: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds in a duration string such as "1s" or "2h30m"; null if it is not one. */
export function parseDurationMs(value: string): number | null {
  const trimmed = value.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(trimmed)) return null;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) {
    total += Number(match[1]) * (unitMs[match[2] ?? "ms"] ?? 0);
  }
  return total;
}

/** When a sleep, timeout or wait that started at `from` ends. Throws on a value it cannot read. */
export function resolveWakeTime(value: string, from: Date): Date {
  const ms = parseDurationMs(value);
  if (ms !== null) return new Date(from.getTime() + ms);
  const absolute = new Date(value);
  if (Number.isNaN(absolute.getTime())) throw new Error(`Unreadable duration or time "${value}"`);
  return absolute;
}
