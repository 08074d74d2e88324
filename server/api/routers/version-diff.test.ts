import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createProject } from "../../projects/create-project";
import { createTestUser } from "../../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { createVersion } from "../../versions/create-version";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
type TestUser = Awaited<ReturnType<typeof createTestUser>>;

const lines = (...items: string[]) => items.map((item) => `${item}\n`).join("");
const appV1 = lines("import { store } from './store';", "", "function render() {", "  return 1;", "}", "", "render();", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
const appV2 = appV1.replace("  return 1;\n", "  const total = 2;\n  return total;\n").replace("e\n", "E\n");

describe.each(testDatabaseKinds)("version line diffs on %s", (kind) => {
  let database: TestDatabase;
  let alice: TestUser;
  let v1: { id: string };
  let v2: { id: string };
  let otherProjectVersion: { id: string };
  let malloryVersion: { id: string };

  async function newProject(user: TestUser, prompt: string) {
    const { project } = await createProject(database.prisma, { workspaceId: user.workspace.id, userId: user.user.id, prompt });
    return project.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    alice = await createTestUser(database.prisma, "diff-alice");
    const projectId = await newProject(alice, "A notes app");
    v1 = await createVersion(database.prisma, {
      projectId,
      files: [
        { path: "src/app.js", content: appV1 },
        { path: "README.md", content: "# Notes\n" },
        { path: "index.html", content: "<h1>Notes</h1>\n" },
        { path: "logo.png", content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) },
      ],
    });
    v2 = await createVersion(database.prisma, {
      projectId,
      parentVersionId: v1.id,
      files: [
        { path: "src/app.js", content: appV2 },
        { path: "src/store.js", content: "export const store = [];\nexport const count = 0;\n" },
        { path: "index.html", content: "<h1>Notes</h1>\n" },
        { path: "logo.png", content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 3, 4]) },
      ],
    });
    otherProjectVersion = await createVersion(database.prisma, {
      projectId: await newProject(alice, "A second app"),
      files: [{ path: "src/app.js", content: appV1 }],
    });
    const mallory = await createTestUser(database.prisma, "diff-mallory");
    malloryVersion = await createVersion(database.prisma, {
      projectId: await newProject(mallory, "Mallory's app"),
      files: [{ path: "src/app.js", content: appV1 }],
    });
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("returns a modified file's hunks with old and new line numbers and change counts", async () => {
    const result = await alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "src/app.js" });
    expect(result).toMatchObject({ path: "src/app.js", change: "modified", from: { id: v1.id, number: 1 }, to: { id: v2.id, number: 2 } });
    if (result.diff.kind !== "text") throw new Error(`expected a text diff, got ${result.diff.kind}`);
    expect(result.diff).toMatchObject({ added: 3, removed: 2, oldLineCount: 17, newLineCount: 18, hiddenAfter: 2 });
    // Two changes with 7 unchanged lines between them: two hunks of 3 lines' context, 1 line hidden between.
    const [first, second] = result.diff.hunks;
    expect(result.diff.hunks).toHaveLength(2);
    expect(first).toMatchObject({ oldStart: 1, oldLines: 7, newStart: 1, newLines: 8, hiddenBefore: 0 });
    expect(first!.lines.filter((line) => line.kind !== "context")).toEqual([
      { kind: "removed", text: "  return 1;", oldLine: 4, newLine: null },
      { kind: "added", text: "  const total = 2;", oldLine: null, newLine: 4 },
      { kind: "added", text: "  return total;", oldLine: null, newLine: 5 },
    ]);
    expect(first!.lines.at(-1)).toEqual({ kind: "context", text: "render();", oldLine: 7, newLine: 8 });
    expect(second).toMatchObject({ oldStart: 9, newStart: 10, hiddenBefore: 1 });
    expect(second!.lines.map((line) => [line.kind, line.text, line.oldLine, line.newLine])).toEqual([
      ["context", "b", 9, 10],
      ["context", "c", 10, 11],
      ["context", "d", 11, 12],
      ["removed", "e", 12, null],
      ["added", "E", null, 13],
      ["context", "f", 13, 14],
      ["context", "g", 14, 15],
      ["context", "h", 15, 16],
    ]);
  });

  it("diffs an added file against nothing and a removed file to nothing, in either direction", async () => {
    const added = await alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "src/store.js" });
    expect(added).toMatchObject({ change: "added", before: null, after: { size: 49 } });
    expect(added.diff).toMatchObject({ kind: "text", added: 2, removed: 0 });

    const removed = await alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "README.md" });
    expect(removed).toMatchObject({ change: "removed", after: null, diff: { kind: "text", added: 0, removed: 1 } });
    if (removed.diff.kind === "text") expect(removed.diff.hunks[0]!.lines).toEqual([{ kind: "removed", text: "# Notes", oldLine: 1, newLine: null }]);

    // Comparing backwards (v1 against v2) turns the removal into an addition.
    const backwards = await alice.api.version.fileDiff({ versionId: v1.id, againstVersionId: v2.id, path: "README.md" });
    expect(backwards).toMatchObject({ change: "added", diff: { kind: "text", added: 1, removed: 0 } });
  });

  it("reports unchanged files with no hunks and binary files with a flag instead of a diff", async () => {
    const same = await alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "index.html" });
    expect(same).toMatchObject({ change: "unchanged", diff: { kind: "text", hunks: [], added: 0, removed: 0 } });

    const binary = await alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "logo.png" });
    expect(binary).toMatchObject({ change: "modified", diff: { kind: "binary" } });
    expect(binary.diff).not.toHaveProperty("hunks");
    expect(await alice.api.version.file({ versionId: v2.id, path: "logo.png" })).toMatchObject({ isText: false, content: null });
  });

  it("answers NOT_FOUND for a version of another project or workspace, and for a path in neither version", async () => {
    await expectTRPCError(alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: malloryVersion.id, path: "src/app.js" }), "NOT_FOUND");
    await expectTRPCError(alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: otherProjectVersion.id, path: "src/app.js" }), "NOT_FOUND");
    await expectTRPCError(alice.api.version.fileDiff({ versionId: malloryVersion.id, againstVersionId: v1.id, path: "src/app.js" }), "NOT_FOUND");
    await expectTRPCError(alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "src/missing.js" }), "NOT_FOUND");
  });

  it("refuses malformed input as BAD_REQUEST", async () => {
    await expectTRPCError(alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: "not-an-id", path: "src/app.js" }), "BAD_REQUEST");
    await expectTRPCError(alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "" }), "BAD_REQUEST");
    await expectTRPCError(alice.api.version.fileDiff({ versionId: v2.id, againstVersionId: v1.id, path: "x".repeat(201) }), "BAD_REQUEST");
  });
});
