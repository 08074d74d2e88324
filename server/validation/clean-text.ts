// Text that reaches PostgreSQL or a file path must be valid Unicode without NUL characters:
// PostgreSQL refuses NUL in text (and the driver's error is not for clients), and a lone UTF-16
// surrogate has no UTF-8 encoding. These checks give the caller a 400 that says which.
import { AppError } from "../errors";

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The problem with a string, or null when it is clean. */
export function textProblem(value: string): string | null {
  if (NUL.test(value)) return "contains a NUL character";
  if (LONE_SURROGATE.test(value)) return "is not valid Unicode (a lone surrogate, from invalid UTF-8 or a broken escape)";
  return null;
}

/** Walks any parsed input (objects, arrays, strings, keys) and throws a 400 naming the first bad field. */
export function assertCleanInput(input: unknown, path = "input", depth = 0): void {
  if (depth > 64) throw new AppError("BAD_REQUEST", "The input is nested too deeply.");
  if (typeof input === "string") {
    const problem = textProblem(input);
    if (problem) throw new AppError("BAD_REQUEST", `${path} ${problem}.`);
    return;
  }
  if (Array.isArray(input)) {
    input.forEach((item, index) => assertCleanInput(item, `${path}[${index}]`, depth + 1));
    return;
  }
  if (input && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype) {
    for (const [key, value] of Object.entries(input)) {
      const problem = textProblem(key);
      if (problem) throw new AppError("BAD_REQUEST", `A field name in ${path} ${problem}.`);
      assertCleanInput(value, `${path}.${key}`, depth + 1);
    }
  }
}

/** Percent-decodes a URL path or query without throwing: null when it is not valid UTF-8 or holds NUL. */
export function decodeUrlComponent(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return textProblem(decoded) ? null : decoded;
  } catch {
    return null;
  }
}
