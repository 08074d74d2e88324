import { describe, expect, it } from "vitest";
import { diffText } from "~/server/versions/line-diff";
import { gapLines, layoutDiff, toSplitRows, type DiffLine } from "./diff-rows";
import { splitLines } from "./split-lines";

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `${from + index}\n`).join("");
const label = (line: DiffLine | null) => (line ? `${line.kind[0]}${line.oldLine ?? "."}:${line.newLine ?? "."}` : "—");

describe("layoutDiff and gapLines", () => {
  const before = numbered(1, 30);
  const after = before.replace("10\n", "ten\n").replace("20\n", "20\n20b\n");
  const diff = diffText(before, after)!;

  it("puts a gap before, between and after the hunks", () => {
    const blocks = layoutDiff(diff);
    expect(blocks.map((block) => (block.kind === "gap" ? `gap ${block.gap.count}@${block.gap.oldFrom}/${block.gap.newFrom}` : "hunk"))).toEqual([
      "gap 6@1/1",
      "hunk",
      "gap 4@14/14",
      "hunk",
      "gap 7@24/25",
    ]);
  });

  it("fills a gap from the new text with both line numbers, lining up with the hunks around it", () => {
    const newLines = splitLines(after);
    const gaps = layoutDiff(diff).flatMap((block) => (block.kind === "gap" ? [block.gap] : []));
    expect(gapLines(gaps[1]!, newLines).map((line) => [line.text, line.oldLine, line.newLine])).toEqual([
      ["14", 14, 14],
      ["15", 15, 15],
      ["16", 16, 16],
      ["17", 17, 17],
    ]);
    expect(gapLines(gaps[2]!, newLines).at(-1)).toEqual({ kind: "context", text: "30", oldLine: 30, newLine: 31 });
    // Every line of the file, old and new, is either in a hunk or in exactly one gap.
    const shown = layoutDiff(diff).flatMap((block) => (block.kind === "gap" ? gapLines(block.gap, newLines) : block.hunk.lines));
    expect(shown.filter((line) => line.newLine !== null).map((line) => line.newLine)).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));
    expect(shown.filter((line) => line.oldLine !== null).map((line) => line.oldLine)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
  });

  it("has no gaps when nothing is hidden", () => {
    expect(layoutDiff(diffText("", "a\nb\n")!).map((block) => block.kind)).toEqual(["hunk"]);
  });
});

describe("toSplitRows", () => {
  it("pairs removed lines with the added lines that replace them and pads the shorter side", () => {
    const diff = diffText("a\nb\nc\nd\n", "a\nB\nC\nX\nd\n")!;
    const rows = toSplitRows(diff.hunks[0]!.lines);
    expect(rows.map((row) => `${label(row.left)} | ${label(row.right)}`)).toEqual([
      "c1:1 | c1:1",
      "r2:. | a.:2",
      "r3:. | a.:3",
      "— | a.:4",
      "c4:5 | c4:5",
    ]);
  });

  it("keeps pure additions and removals on their own side", () => {
    const rows = toSplitRows(diffText("a\nb\n", "a\nc\nb\n")!.hunks[0]!.lines);
    expect(rows.map((row) => `${label(row.left)} | ${label(row.right)}`)).toEqual(["c1:1 | c1:1", "— | a.:2", "c2:3 | c2:3"]);
    const removedOnly = toSplitRows(diffText("a\nb\n", "")!.hunks[0]!.lines);
    expect(removedOnly.map((row) => `${label(row.left)} | ${label(row.right)}`)).toEqual(["r1:. | —", "r2:. | —"]);
  });
});
