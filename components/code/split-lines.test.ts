import { describe, expect, it } from "vitest";
import { splitLines } from "./split-lines";

describe("splitLines", () => {
  it.each([
    ["", []],
    ["a", ["a"]],
    ["a\n", ["a"]],
    ["a\n\nb\n", ["a", "", "b"]],
    ["a\r\nb\r\n", ["a", "b"]],
    ["a\n\n", ["a", ""]],
  ])("splits %j into %j", (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
  });
});
