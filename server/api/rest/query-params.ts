// Query-string values arrive as text: these parse them strictly ("true"/"false", decimal integers),
// so `?includeArchived=yes` is a 400 naming the parameter instead of being read as true.
import { z } from "zod";

export const ZQueryBoolean = z
  .enum(["true", "false"], { message: 'expected "true" or "false"' })
  .transform((value) => value === "true");

export function ZQueryInt(options: { min: number; max: number; default: number }) {
  return z
    .string()
    .regex(/^\d{1,9}$/, "expected a whole number")
    .transform(Number)
    .pipe(z.number().int().min(options.min).max(options.max))
    .default(options.default)
    .meta({ description: `${options.min}–${options.max}, default ${options.default}.` });
}
