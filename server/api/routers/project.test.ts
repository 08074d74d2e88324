import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { callerAs, createTestUser, sentEvents } from "../../testing/callers";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("project router on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("creates a project from a prompt with its first run queued and logged", async () => {
    const alice = await createTestUser(database.prisma, "alice");
    const { project, run } = await alice.api.project.create({
      workspaceId: alice.workspace.id,
      prompt: "  Build me a todo app with due dates  ",
    });
    expect(project).toMatchObject({ name: "Todo", originalPrompt: "Build me a todo app with due dates", status: "QUEUED" });
    expect(run.status).toBe("QUEUED");
    const events = await database.prisma.runEvent.findMany({ where: { runId: run.id } });
    expect(events.map((event) => [event.seq, event.type])).toEqual([[1, "run.queued"]]);

    const fetched = await alice.api.project.get({ projectId: project.id });
    expect(fetched.runs[0]?.id).toBe(run.id);
    // The run was handed to the agent pipeline.
    expect(sentEvents.find((event) => event.data.runId === run.id)).toMatchObject({
      name: "prompts.new",
      data: { projectId: project.id, prompt: "Build me a todo app with due dates" },
    });
  });

  it("refuses empty and oversized prompts with a clear message, creating nothing", async () => {
    const bob = await createTestUser(database.prisma, "bob");
    await expectTRPCError(bob.api.project.create({ workspaceId: bob.workspace.id, prompt: "   " }), "BAD_REQUEST", /Describe the app/);
    await expectTRPCError(
      bob.api.project.create({ workspaceId: bob.workspace.id, prompt: "x".repeat(20_000) }),
      "BAD_REQUEST",
      /under 20,000 characters/,
    );
    expect(await database.prisma.project.count({ where: { workspaceId: bob.workspace.id } })).toBe(0);
  });

  it("refuses malformed ids as BAD_REQUEST, not a server error", async () => {
    const carol = await createTestUser(database.prisma, "carol");
    await expectTRPCError(carol.api.project.get({ projectId: "'; DROP TABLE \"Project\"; --" }), "BAD_REQUEST");
    await expectTRPCError(carol.api.project.list({ workspaceId: "123" }), "BAD_REQUEST");
  });

  it("never lets a user see or touch another workspace's projects", async () => {
    const owner = await createTestUser(database.prisma, "owner");
    const intruder = await createTestUser(database.prisma, "intruder");
    const { project } = await owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "A private CRM" });

    await expectTRPCError(intruder.api.project.get({ projectId: project.id }), "NOT_FOUND");
    await expectTRPCError(intruder.api.project.rename({ projectId: project.id, name: "pwned" }), "NOT_FOUND");
    await expectTRPCError(intruder.api.project.archive({ projectId: project.id }), "NOT_FOUND");
    await expectTRPCError(intruder.api.project.list({ workspaceId: owner.workspace.id }), "NOT_FOUND");
    await expectTRPCError(intruder.api.project.create({ workspaceId: owner.workspace.id, prompt: "sneaky" }), "NOT_FOUND");
    await expectTRPCError(intruder.api.workspace.members({ workspaceId: owner.workspace.id }), "NOT_FOUND");

    const unchanged = await owner.api.project.get({ projectId: project.id });
    expect(unchanged.name).toBe(project.name);
    expect(unchanged.archivedAt).toBeNull();
    expect((await intruder.api.project.list({ workspaceId: intruder.workspace.id })).items).toEqual([]);
  });

  it("enforces roles: a viewer reads but cannot create, rename or archive", async () => {
    const owner = await createTestUser(database.prisma, "owner2");
    const viewer = await createTestUser(database.prisma, "viewer");
    await database.prisma.membership.create({ data: { workspaceId: owner.workspace.id, userId: viewer.user.id, role: "VIEWER" } });
    const { project } = await owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "Team kanban board" });

    expect((await viewer.api.project.get({ projectId: project.id })).id).toBe(project.id);
    await expectTRPCError(viewer.api.project.create({ workspaceId: owner.workspace.id, prompt: "nope" }), "FORBIDDEN");
    await expectTRPCError(viewer.api.project.rename({ projectId: project.id, name: "nope" }), "FORBIDDEN");
    await expectTRPCError(viewer.api.project.archive({ projectId: project.id }), "FORBIDDEN");
    await expectTRPCError(viewer.api.workspace.rename({ workspaceId: owner.workspace.id, name: "nope" }), "FORBIDDEN");
  });

  it("requires a signed-in caller", async () => {
    const anonymous = await callerAs(database.prisma, null);
    await expectTRPCError(anonymous.project.list({ workspaceId: "cjld2cjxh0000qzrmn831i7rn" }), "UNAUTHORIZED");
    await expectTRPCError(anonymous.workspace.list(), "UNAUTHORIZED");
  });

  it("paginates newest first with a stable cursor, and hides archived projects", async () => {
    const dana = await createTestUser(database.prisma, "dana");
    const created: string[] = [];
    for (let index = 0; index < 5; index++) {
      const { project } = await dana.api.project.create({ workspaceId: dana.workspace.id, prompt: `Inventory tracker ${index}` });
      created.push(project.id);
    }
    const first = await dana.api.project.list({ workspaceId: dana.workspace.id, limit: 2 });
    const second = await dana.api.project.list({ workspaceId: dana.workspace.id, limit: 2, cursor: first.nextCursor });
    const third = await dana.api.project.list({ workspaceId: dana.workspace.id, limit: 2, cursor: second.nextCursor });
    const seen = [...first.items, ...second.items, ...third.items].map((project) => project.id);
    expect(seen).toEqual([...created].reverse());
    expect(third.nextCursor).toBeNull();

    await dana.api.project.archive({ projectId: created[0]! });
    const visible = await dana.api.project.list({ workspaceId: dana.workspace.id, limit: 50 });
    expect(visible.items.map((project) => project.id)).not.toContain(created[0]);
    const all = await dana.api.project.list({ workspaceId: dana.workspace.id, limit: 50, includeArchived: true });
    expect(all.items).toHaveLength(5);
  });

  it("renames with validation and keeps the old name on bad input", async () => {
    const erin = await createTestUser(database.prisma, "erin");
    const { project } = await erin.api.project.create({ workspaceId: erin.workspace.id, prompt: "Recipe box" });
    await expectTRPCError(erin.api.project.rename({ projectId: project.id, name: "  " }), "BAD_REQUEST");
    expect((await erin.api.project.get({ projectId: project.id })).name).toBe(project.name);
    const renamed = await erin.api.project.rename({ projectId: project.id, name: "Grandma's recipes" });
    expect(renamed.name).toBe("Grandma's recipes");
  });
});
