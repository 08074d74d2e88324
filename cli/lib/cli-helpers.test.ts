// The CLI's pure parts: colour rules, URL and version parsing, exit codes of server errors.
import { describe, expect, it } from "vitest";
import { exitCodeOfServerCode } from "./cli-error";
import { configPath, normalizeServerUrl } from "./config";
import { createPaint, isColorEnabled } from "./output";
import { parseVersionNumber, slugify } from "./resolve";

describe("the CLI's helpers", () => {
  it("colours only a terminal, and never with NO_COLOR", () => {
    const tty = { isTTY: true } as never;
    const pipe = { isTTY: false } as never;
    expect(isColorEnabled(tty, {})).toBe(true);
    expect(isColorEnabled(pipe, {})).toBe(false);
    expect(isColorEnabled(tty, { NO_COLOR: "1" })).toBe(false);
    expect(isColorEnabled(tty, { TERM: "dumb" })).toBe(false);
    expect(createPaint(false).red("x")).toBe("x");
    expect(createPaint(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });

  it("normalises server URLs and refuses other schemes (a usage error)", () => {
    expect(normalizeServerUrl("https://epic.example.com/")).toBe("https://epic.example.com");
    expect(normalizeServerUrl(" http://127.0.0.1:3000/base/ ")).toBe("http://127.0.0.1:3000/base");
    expect(() => normalizeServerUrl("ftp://x")).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => normalizeServerUrl("not a url")).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it("keeps the config under XDG_CONFIG_HOME, else ~/.config", () => {
    expect(configPath({ XDG_CONFIG_HOME: "/x" })).toBe("/x/epic/config.json");
    expect(configPath({})).toMatch(/\.config\/epic\/config\.json$/);
  });

  it("reads versions as 3 or v3, and slugs names", () => {
    expect(parseVersionNumber("v3")).toBe(3);
    expect(parseVersionNumber("12")).toBe(12);
    expect(() => parseVersionNumber("latest")).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(slugify("Rosie's Bakery — Menü")).toBe("rosie-s-bakery-menu");
  });

  it("maps server errors to the documented exit codes", () => {
    expect(exitCodeOfServerCode("UNAUTHORIZED")).toBe(3);
    expect(exitCodeOfServerCode("FORBIDDEN")).toBe(3);
    expect(exitCodeOfServerCode("NOT_FOUND")).toBe(4);
    expect(exitCodeOfServerCode("TOO_MANY_REQUESTS")).toBe(5);
    expect(exitCodeOfServerCode("BAD_REQUEST")).toBe(2);
    expect(exitCodeOfServerCode("INTERNAL_SERVER_ERROR")).toBe(1);
    expect(exitCodeOfServerCode(undefined, 429)).toBe(5);
  });
});
