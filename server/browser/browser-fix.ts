// The one command that gets a browser onto this machine, per operating system. Printed by
// `npm start` and `npm test`, returned by /api/ready and shown on the dashboard, so the advice
// is the same everywhere. Pure: the OS facts come in as arguments.
import { readFileSync } from "node:fs";

export type OsFamily = "debian" | "ubuntu" | "fedora" | "arch" | "alpine" | "linux" | "macos" | "windows" | "other";

/** Reads /etc/os-release's ID and ID_LIKE into a family (Linux only). */
export function osFamilyOf(platform: NodeJS.Platform, osRelease: string | null): OsFamily {
  if (platform === "darwin") return "macos";
  if (platform === "win32") return "windows";
  if (platform !== "linux") return "other";
  const field = (name: string) =>
    osRelease
      ?.match(new RegExp(`^${name}=(.*)$`, "m"))?.[1]
      ?.replace(/^["']|["']$/g, "")
      .toLowerCase()
      .split(/\s+/) ?? [];
  const ids = [...field("ID"), ...field("ID_LIKE")];
  // Ubuntu says ID_LIKE=debian, so it is checked first: its `chromium` is a snap, not a deb.
  if (ids.includes("ubuntu")) return "ubuntu";
  if (ids.includes("debian")) return "debian";
  if (ids.some((id) => ["fedora", "rhel", "centos"].includes(id))) return "fedora";
  if (ids.includes("arch")) return "arch";
  if (ids.includes("alpine")) return "alpine";
  return "linux";
}

export function readOsRelease(): string | null {
  try {
    return readFileSync("/etc/os-release", "utf8");
  } catch {
    return null;
  }
}

export function currentOsFamily(): OsFamily {
  return osFamilyOf(process.platform, process.platform === "linux" ? readOsRelease() : null);
}

/**
 * Debian packages Chromium itself; Ubuntu ships it only as a snap (which cannot write the
 * temporary profiles Playwright uses), so there Playwright's own build is the reliable choice.
 * `--with-deps` also installs the shared libraries that build needs on Linux.
 */
export function browserFixCommand(family: OsFamily, isRoot: boolean): string {
  const sudo = isRoot ? "" : "sudo ";
  switch (family) {
    case "debian":
      return `${sudo}apt-get install -y chromium`;
    case "fedora":
      return `${sudo}dnf install -y chromium`;
    case "arch":
      return `${sudo}pacman -S --noconfirm chromium`;
    case "alpine":
      return `${sudo}apk add chromium`;
    case "ubuntu":
    case "linux":
      return "npx playwright install --with-deps chromium";
    case "macos":
    case "windows":
    case "other":
      return "npx playwright install chromium";
  }
}

export function currentBrowserFixCommand(): string {
  return browserFixCommand(currentOsFamily(), process.getuid?.() === 0);
}
