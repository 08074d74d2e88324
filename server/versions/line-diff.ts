// Line-level diff of two texts as hunks with context, numbered like an editor shows them.
// Pure (strings in, plain data out) so the router, the CLI and tests can all call it.
import { structuredPatch } from "diff";

export const DIFF_CONTEXT_LINES = 3;

export type DiffLineKind = "context" | "added" | "removed";

export type DiffLine = {
  kind: DiffLineKind;
  text: string;
  /** 1-based line number in the old text; null for added lines. */
  oldLine: number | null;
  /** 1-based line number in the new text; null for removed lines. */
  newLine: number | null;
  /** Set on the last line of a side that does not end with a newline, as `\ No newline at end of file`. */
  noNewlineAtEnd?: true;
};

export type DiffHunk = {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Unchanged lines between the previous hunk (or the top of the file) and this one, not included. */
  hiddenBefore: number;
  lines: DiffLine[];
};

export type LineDiff = {
  hunks: DiffHunk[];
  added: number;
  removed: number;
  oldLineCount: number;
  newLineCount: number;
  /** Unchanged lines after the last hunk, not included (every line, when nothing changed). */
  hiddenAfter: number;
};

/** Lines as an editor counts them: a trailing newline ends the last line rather than starting another. */
export function countLines(text: string): number {
  if (text === "") return 0;
  const breaks = text.split("\n").length - 1;
  return text.endsWith("\n") ? breaks : breaks + 1;
}

/**
 * The line diff from `before` to `after` (pass "" for a side where the file does not exist), or
 * null when it could not be computed within `timeoutMs` — Myers' algorithm is quadratic in the
 * number of changes, and a pathological pair of files must not stall the server.
 */
export function diffText(before: string, after: string, options: { context?: number; timeoutMs?: number } = {}): LineDiff | null {
  const patch = structuredPatch("before", "after", before, after, undefined, undefined, {
    context: options.context ?? DIFF_CONTEXT_LINES,
    timeout: options.timeoutMs ?? 1000,
  });
  if (!patch) return null;

  let added = 0;
  let removed = 0;
  // jsdiff's oldStart/newStart are the first line the hunk touches even when it has no lines on
  // that side, so `start - 1` is always the number of lines before the hunk.
  let oldCursor = 0;
  const hunks = patch.hunks.map((hunk): DiffHunk => {
    const hiddenBefore = hunk.oldStart - 1 - oldCursor;
    oldCursor = hunk.oldStart - 1 + hunk.oldLines;
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const raw of hunk.lines) {
      const marker = raw[0];
      // A CR left over from CRLF endings would render as a stray space (or a break) in the browser.
      const text = raw.slice(1).replace(/\r$/, "");
      if (marker === "\\") {
        const previous = lines.at(-1);
        if (previous) previous.noNewlineAtEnd = true;
      } else if (marker === "+") {
        added++;
        lines.push({ kind: "added", text, oldLine: null, newLine: newLine++ });
      } else if (marker === "-") {
        removed++;
        lines.push({ kind: "removed", text, oldLine: oldLine++, newLine: null });
      } else {
        lines.push({ kind: "context", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
    return { oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines, hiddenBefore, lines };
  });

  const oldLineCount = countLines(before);
  return { hunks, added, removed, oldLineCount, newLineCount: countLines(after), hiddenAfter: oldLineCount - oldCursor };
}
