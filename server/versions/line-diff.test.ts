import { describe, expect, it } from "vitest";
import { countLines, diffText, type DiffLine } from "./line-diff";

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `${from + index}\n`).join("");
const compact = (lines: DiffLine[]) =>
  lines.map((line) => `${{ context: " ", added: "+", removed: "-" }[line.kind]}${line.oldLine ?? "."}:${line.newLine ?? "."} ${line.text}`);

describe("countLines", () => {
  it.each([
    ["", 0],
    ["a", 1],
    ["a\n", 1],
    ["a\nb", 2],
    ["a\n\n", 2],
  ])("counts %j as %i lines", (text, count) => {
    expect(countLines(text)).toBe(count);
  });
});

describe("diffText", () => {
  it("numbers old and new lines and keeps 3 lines of context around each change", () => {
    const before = numbered(1, 20);
    const after = before.replace("5\n", "five\n").replace("16\n", "16\n16b\n");
    const diff = diffText(before, after)!;
    expect(diff).toMatchObject({ added: 2, removed: 1, oldLineCount: 20, newLineCount: 21 });
    expect(diff.hunks).toHaveLength(2);
    expect(diff.hunks[0]).toMatchObject({ oldStart: 2, oldLines: 7, newStart: 2, newLines: 7, hiddenBefore: 1 });
    expect(compact(diff.hunks[0]!.lines)).toEqual([" 2:2 2", " 3:3 3", " 4:4 4", "-5:. 5", "+.:5 five", " 6:6 6", " 7:7 7", " 8:8 8"]);
    expect(diff.hunks[1]).toMatchObject({ oldStart: 14, newStart: 14, hiddenBefore: 5 });
    expect(compact(diff.hunks[1]!.lines)).toEqual([" 14:14 14", " 15:15 15", " 16:16 16", "+.:17 16b", " 17:18 17", " 18:19 18", " 19:20 19"]);
    expect(diff.hiddenAfter).toBe(1);
  });

  it("merges changes closer than twice the context into one hunk", () => {
    const before = numbered(1, 10);
    const diff = diffText(before, before.replace("3\n", "x\n").replace("8\n", "y\n"))!;
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]).toMatchObject({ hiddenBefore: 0, oldStart: 1, oldLines: 10 });
    expect(diff.hiddenAfter).toBe(0);
  });

  it("diffs an added file against nothing and a removed file to nothing", () => {
    const added = diffText("", "a\nb\n")!;
    expect(added).toMatchObject({ added: 2, removed: 0, oldLineCount: 0, newLineCount: 2, hiddenAfter: 0 });
    expect(compact(added.hunks[0]!.lines)).toEqual(["+.:1 a", "+.:2 b"]);
    expect(added.hunks[0]!.hiddenBefore).toBe(0);

    const removed = diffText("a\nb\n", "")!;
    expect(removed).toMatchObject({ added: 0, removed: 2, hiddenAfter: 0 });
    expect(compact(removed.hunks[0]!.lines)).toEqual(["-1:. a", "-2:. b"]);
  });

  it("returns no hunks for identical texts, every line counted as hidden", () => {
    expect(diffText("a\nb\n", "a\nb\n")).toEqual({ hunks: [], added: 0, removed: 0, oldLineCount: 2, newLineCount: 2, hiddenAfter: 2 });
  });

  it("marks a missing final newline instead of emitting jsdiff's marker as a line", () => {
    const diff = diffText("a\nb", "a\nc")!;
    expect(compact(diff.hunks[0]!.lines)).toEqual([" 1:1 a", "-2:. b", "+.:2 c"]);
    expect(diff.hunks[0]!.lines.filter((line) => line.noNewlineAtEnd).map((line) => line.text)).toEqual(["b", "c"]);

    const onlyNewline = diffText("a", "a\n")!;
    expect(onlyNewline).toMatchObject({ added: 1, removed: 1 });
    expect(onlyNewline.hunks[0]!.lines[0]).toMatchObject({ kind: "removed", text: "a", noNewlineAtEnd: true });
  });

  it("drops the CR of CRLF line endings from the shown text", () => {
    const diff = diffText("a\r\nb\r\n", "a\r\nc\r\n")!;
    expect(diff.hunks[0]!.lines.map((line) => line.text)).toEqual(["a", "b", "c"]);
  });

  it("honours a custom context size", () => {
    const before = numbered(1, 10);
    const diff = diffText(before, before.replace("5\n", "x\n"), { context: 0 })!;
    expect(compact(diff.hunks[0]!.lines)).toEqual(["-5:. 5", "+.:5 x"]);
    expect(diff.hunks[0]!.hiddenBefore).toBe(4);
    expect(diff.hiddenAfter).toBe(5);
  });

  it("gives up (null) rather than stalling when the diff takes longer than the timeout", () => {
    const before = Array.from({ length: 5000 }, (_, index) => `old ${index}\n`).join("");
    const after = Array.from({ length: 5000 }, (_, index) => `new ${index}\n`).join("");
    expect(diffText(before, after, { timeoutMs: 1 })).toBeNull();
  });
});
