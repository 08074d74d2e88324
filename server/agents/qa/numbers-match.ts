// Compares what an app shows with what a check expects when both are numbers: "6.21" matches
// "6.21 mi", "6.214" and "£6.21", but not "6.3". The tolerance is half a unit of the expected
// value's last decimal place, so a check says how precise it means to be.

const NUMBER = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/;

function parse(text: string): { value: number; decimals: number } | null {
  const match = NUMBER.exec(text.replace(/\u2212/g, "-"));
  if (!match) return null;
  const raw = match[0].replace(/,(?=\d{3}(\D|$))/g, "");
  const value = Number(raw);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: raw.includes(".") ? raw.split(".")[1]!.length : 0 };
}

/** null when `expected` is not a number (compare as text instead). */
export function numbersMatch(actual: string, expected: string): boolean | null {
  const wanted = parse(expected);
  if (!wanted || !/^[^\d]*-?[\d.,]+[^\d]*$/.test(expected.trim())) return null;
  const shown = parse(actual);
  if (!shown) return false;
  return Math.abs(shown.value - wanted.value) <= 0.5 * 10 ** -wanted.decimals + 1e-9;
}
