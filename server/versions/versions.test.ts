import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { createVersion } from "./create-version";
import { diffVersions } from "./diff-versions";
import { normalizeGeneratedPath } from "./file-rules";
import { listVersionFiles, readVersionFile } from "./read-version";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe("generated file paths", () => {
  it.each(["../../etc/passwd", "/etc/passwd", "a/../../b", "C:/Windows/x", "a\\b", "src/\0x", "", ".git/config", "a//b", "sp ace.js"])(
    "refuses %j",
    (path) => {
      expect(() => normalizeGeneratedPath(path)).toThrow(AppError);
    },
  );

  it("accepts ordinary relative paths and drops a leading ./", () => {
    expect(normalizeGeneratedPath("./src/app.js")).toBe("src/app.js");
    expect(normalizeGeneratedPath(".github/workflows/ci.yml")).toBe(".github/workflows/ci.yml");
  });
});

describe.each(testDatabaseKinds)("project versions on %s", (kind) => {
  let database: TestDatabase;
  let projectId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const owner = await createTestUser(database.prisma, "versions");
    ({ project: { id: projectId } } = await createProject(database.prisma, {
      workspaceId: owner.workspace.id,
      userId: owner.user.id,
      prompt: "A notes app",
    }));
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("numbers versions, stores unchanged files once, and diffs them by path", async () => {
    const v1 = await createVersion(database.prisma, {
      projectId,
      files: [
        { path: "index.html", content: "<h1>Notes</h1>" },
        { path: "src/app.js", content: "console.log(1)" },
        { path: "README.md", content: "# Notes" },
      ],
    });
    const v2 = await createVersion(database.prisma, {
      projectId,
      parentVersionId: v1.id,
      files: [
        { path: "index.html", content: "<h1>Notes</h1>" },
        { path: "src/app.js", content: "console.log(2)" },
        { path: "src/store.js", content: "export {}" },
      ],
    });
    expect([v1.number, v2.number]).toEqual([1, 2]);
    const blobs = await database.prisma.fileBlob.count({
      where: { files: { some: { version: { projectId } } } },
    });
    expect(blobs).toBe(5); // index.html shared by both versions

    const diff = await diffVersions(database.prisma, { fromVersionId: v1.id, toVersionId: v2.id });
    expect(diff.changes.map((change) => [change.path, change.change])).toEqual([
      ["README.md", "removed"],
      ["src/app.js", "modified"],
      ["src/store.js", "added"],
    ]);

    expect((await listVersionFiles(database.prisma, v2.id)).files.map((file) => file.path)).toEqual([
      "index.html",
      "src/app.js",
      "src/store.js",
    ]);
    expect((await readVersionFile(database.prisma, v2.id, "src/app.js"))?.content.toString()).toBe("console.log(2)");
    expect(await readVersionFile(database.prisma, v2.id, "README.md")).toBeNull();
  });

  it("refuses a whole version with one hostile or oversized file, storing nothing", async () => {
    const before = await database.prisma.projectVersion.count({ where: { projectId } });
    await expect(
      createVersion(database.prisma, {
        projectId,
        files: [
          { path: "index.html", content: "ok" },
          { path: "../../etc/passwd", content: "root:x:0:0" },
        ],
      }),
    ).rejects.toThrow(/Refused file path/);
    await expect(
      createVersion(database.prisma, { projectId, files: [{ path: "big.txt", content: "x".repeat(600 * 1024) }] }),
    ).rejects.toThrow(/limit/);
    await expect(
      createVersion(database.prisma, { projectId, files: [{ path: "A.js", content: "1" }, { path: "a.js", content: "2" }] }),
    ).rejects.toThrow(/Duplicate/);
    expect(await database.prisma.projectVersion.count({ where: { projectId } })).toBe(before);
  });

  it("gives concurrent versions distinct consecutive numbers", async () => {
    const results = await Promise.all(
      [1, 2, 3].map((index) => createVersion(database.prisma, { projectId, files: [{ path: "n.txt", content: String(index) }] })),
    );
    const numbers = results.map((version) => version.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(3);
    expect(numbers[2]! - numbers[0]!).toBe(2);
  });
});
