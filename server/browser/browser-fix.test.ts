import { describe, expect, it } from "vitest";
import { browserFixCommand, osFamilyOf } from "./browser-fix";

const release = (id: string, like?: string) => `NAME="x"\nID=${id}\n${like ? `ID_LIKE=${like}\n` : ""}VERSION_ID="1"\n`;

describe("the one command that installs a browser", () => {
  it.each([
    [release("debian"), "debian", "apt-get install -y chromium"],
    [release("raspbian", "debian"), "debian", "apt-get install -y chromium"],
    [release("ubuntu", "debian"), "ubuntu", "npx playwright install --with-deps chromium"],
    [release("linuxmint", '"ubuntu debian"'), "ubuntu", "npx playwright install --with-deps chromium"],
    [release("fedora"), "fedora", "dnf install -y chromium"],
    [release('"rocky"', '"rhel centos fedora"'), "fedora", "dnf install -y chromium"],
    [release("arch"), "arch", "pacman -S --noconfirm chromium"],
    [release("alpine"), "alpine", "apk add chromium"],
    [release("nixos"), "linux", "npx playwright install --with-deps chromium"],
    [null, "linux", "npx playwright install --with-deps chromium"],
  ])("on Linux with %j: %s", (osRelease, family, command) => {
    expect(osFamilyOf("linux", osRelease)).toBe(family);
    expect(browserFixCommand(osFamilyOf("linux", osRelease), true)).toBe(command);
  });

  it("adds sudo for package managers when not root, never for Playwright's download", () => {
    expect(browserFixCommand("debian", false)).toBe("sudo apt-get install -y chromium");
    expect(browserFixCommand("fedora", false)).toBe("sudo dnf install -y chromium");
    expect(browserFixCommand("ubuntu", false)).toBe("npx playwright install --with-deps chromium");
  });

  it("uses Playwright's Chromium on macOS and Windows", () => {
    expect(browserFixCommand(osFamilyOf("darwin", null), false)).toBe("npx playwright install chromium");
    expect(browserFixCommand(osFamilyOf("win32", null), false)).toBe("npx playwright install chromium");
  });
});
