/** Largest JSON text sent to the runs UI per value; step inputs/outputs can be megabytes. */
export const jsonPreviewLimit = 10_000;

/** A stored JSON value as display text, cut at `jsonPreviewLimit` characters (and says so). */
export type JsonPreview = { text: string; isTruncated: boolean; totalChars: number };

export function toJsonPreview(value: unknown, limit = jsonPreviewLimit): JsonPreview | null {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > limit
    ? { text: text.slice(0, limit), isTruncated: true, totalChars: text.length }
    : { text, isTruncated: false, totalChars: text.length };
}

/** The human part of a stored error ({ name, message, … } from the SDK or the executor). */
export function errorMessageOf(error: unknown, limit = 500): string | null {
  if (error === null || error === undefined) return null;
  const message =
    typeof error === "object" && typeof (error as { message?: unknown }).message === "string"
      ? (error as { message: string }).message
      : JSON.stringify(error);
  return message.length > limit ? `${message.slice(0, limit)}…` : message;
}
