/**
 * Larger files are not sent to the browser as text nor line-diffed: a viewer or a diff of half a
 * megabyte helps no one, and diffing two of them would hold the event loop.
 */
export const MAX_TEXT_BYTES = 512 * 1024;

export type FileText = { kind: "text"; text: string } | { kind: "binary" } | { kind: "too-large" };

/** A stored file's bytes as text, or why they are not shown as text. */
export function decodeFileText(bytes: Buffer): FileText {
  if (bytes.length > MAX_TEXT_BYTES) return { kind: "too-large" };
  // A NUL byte is what git uses to call a file binary too; valid UTF-8 text never contains one.
  if (bytes.includes(0)) return { kind: "binary" };
  return { kind: "text", text: bytes.toString("utf8") };
}
