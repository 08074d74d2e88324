// The QA static server runs outside the sandbox, over a folder sandboxed code has written to:
// a symlink left there must not become a way to read the host's files.
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDirectory, type ServedDirectory } from "./serve-directory";

let root: string;
let served: ServedDirectory;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "epic-serve-"));
  const app = path.join(root, "app");
  await mkdir(path.join(app, "src"), { recursive: true });
  await writeFile(path.join(root, "secret.txt"), "platform secret");
  await writeFile(path.join(app, "index.html"), "<h1>app</h1>");
  await writeFile(path.join(app, "src", "main.js"), "console.log(1)");
  await symlink(path.join(root, "secret.txt"), path.join(app, "leak.txt"));
  await symlink("/etc", path.join(app, "etc"));
  await symlink(path.join(app, "src", "main.js"), path.join(app, "alias.js"));
  served = await serveDirectory({ root: app, prefix: "/preview/qa/" });
});
afterAll(async () => {
  await served?.close();
  await rm(root, { recursive: true, force: true });
});

describe("serveDirectory", () => {
  it("serves the app's files, and a symlink that stays inside it", async () => {
    expect(await (await fetch(served.baseUrl)).text()).toBe("<h1>app</h1>");
    expect(await (await fetch(`${served.baseUrl}alias.js`)).text()).toBe("console.log(1)");
  });

  it("refuses symlinks out of the folder (a file, a directory)", async () => {
    const leak = await fetch(`${served.baseUrl}leak.txt`);
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain("platform secret");
    expect((await fetch(`${served.baseUrl}etc/passwd`)).status).toBe(404);
  });

  it("serves a version's files (isImmutable) as read once, and lets the browser keep them; otherwise never cached", async () => {
    const app = path.join(root, "app");
    expect((await fetch(served.baseUrl)).headers.get("cache-control")).toBe("no-store");
    const immutable = await serveDirectory({ root: app, prefix: "/preview/qa/", isImmutable: true });
    try {
      const first = await fetch(`${immutable.baseUrl}src/main.js`);
      expect(first.headers.get("cache-control")).toBe("max-age=3600");
      expect(await first.text()).toBe("console.log(1)");
      await writeFile(path.join(app, "src", "main.js"), "console.log(2)");
      expect(await (await fetch(`${immutable.baseUrl}src/main.js`)).text()).toBe("console.log(1)");
      expect(await (await fetch(`${served.baseUrl}src/main.js`)).text()).toBe("console.log(2)");
      expect((await fetch(`${immutable.baseUrl}leak.txt`)).status).toBe(404);
    } finally {
      await writeFile(path.join(app, "src", "main.js"), "console.log(1)");
      await immutable.close();
    }
  });
});
