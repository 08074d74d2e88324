// Pure layout of a line diff for the views: where the collapsed unchanged stretches go, what they
// hold when expanded, and how lines pair up side by side.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

export type FileDiff = inferRouterOutputs<AppRouter>["version"]["fileDiff"];
export type TextDiff = Extract<FileDiff["diff"], { kind: "text" }>;
export type DiffHunk = TextDiff["hunks"][number];
export type DiffLine = DiffHunk["lines"][number];

/** A run of unchanged lines the diff leaves out; `key` is stable while the diff is. */
export type Gap = { key: string; count: number; oldFrom: number; newFrom: number };
export type DiffBlock = { kind: "gap"; gap: Gap } | { kind: "hunk"; hunk: DiffHunk; key: string };

/** Hunks in file order, with a gap wherever unchanged lines were left out (top, between, bottom). */
export function layoutDiff(diff: Pick<TextDiff, "hunks" | "hiddenAfter">): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  diff.hunks.forEach((hunk, index) => {
    if (hunk.hiddenBefore > 0) {
      blocks.push({
        kind: "gap",
        gap: { key: `gap-${index}`, count: hunk.hiddenBefore, oldFrom: hunk.oldStart - hunk.hiddenBefore, newFrom: hunk.newStart - hunk.hiddenBefore },
      });
    }
    blocks.push({ kind: "hunk", hunk, key: `hunk-${index}` });
  });
  const last = diff.hunks.at(-1);
  if (last && diff.hiddenAfter > 0) {
    blocks.push({
      kind: "gap",
      gap: { key: "gap-end", count: diff.hiddenAfter, oldFrom: last.oldStart + last.oldLines, newFrom: last.newStart + last.newLines },
    });
  }
  return blocks;
}

/** A gap's lines, read from the new side's lines (unchanged lines are the same on both sides). */
export function gapLines(gap: Gap, newLines: readonly string[]): DiffLine[] {
  return Array.from({ length: gap.count }, (_, offset) => ({
    kind: "context" as const,
    text: newLines[gap.newFrom - 1 + offset] ?? "",
    oldLine: gap.oldFrom + offset,
    newLine: gap.newFrom + offset,
  }));
}

export type SplitRow = { left: DiffLine | null; right: DiffLine | null };

/**
 * Side-by-side rows: unchanged lines on both sides; a run of removed lines faces the added lines
 * that replaced it, row by row, the shorter side padded with blanks.
 */
export function toSplitRows(lines: readonly DiffLine[]): SplitRow[] {
  const rows: SplitRow[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      rows.push({ left: removed[index] ?? null, right: added[index] ?? null });
    }
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.kind === "removed") {
      // A removal after additions starts a new change run.
      if (added.length) flush();
      removed.push(line);
    } else if (line.kind === "added") {
      added.push(line);
    } else {
      flush();
      rows.push({ left: line, right: line });
    }
  }
  flush();
  return rows;
}
