// The one way a run starts (server/runs/start-pipeline-run.ts), through the procedures that use
// it: project.create, project.followUp and run.retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTRPCError } from "../testing/expect-trpc-error";
import { callerAs, createTestUser, sentEvents } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { markRunFinished } from "./run-lifecycle";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("starting pipeline runs on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("queues a follow-up on the project and hands it to the pipeline", async () => {
    const ada = await createTestUser(database.prisma, "ada");
    const { project, run: first } = await ada.api.project.create({ workspaceId: ada.workspace.id, prompt: "A habit tracker" });
    await markRunFinished(database.prisma, first.id, { status: "FAILED", error: "stopped for the test" });

    const followUp = await ada.api.project.followUp({ projectId: project.id, prompt: "Add a weekly chart" });
    expect(followUp).toMatchObject({ projectId: project.id, prompt: "Add a weekly chart", status: "QUEUED", triggeredById: ada.user.id });
    expect((await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("QUEUED");
    const events = await database.prisma.runEvent.findMany({ where: { runId: followUp.id } });
    expect(events.map((event) => [event.type, event.payload])).toEqual([["run.queued", { prompt: "Add a weekly chart", triggeredBy: ada.user.id, isFollowUp: true }]]);
    expect(sentEvents.find((event) => event.data.runId === followUp.id)).toMatchObject({ name: "prompts.new", data: { projectId: project.id, prompt: "Add a weekly chart" } });
  });

  it("retries a finished run with its prompt as a new run, and refuses one still going", async () => {
    const ben = await createTestUser(database.prisma, "ben");
    const { run } = await ben.api.project.create({ workspaceId: ben.workspace.id, prompt: "A recipe box" });
    await expectTRPCError(ben.api.run.retry({ runId: run.id }), "BAD_REQUEST", /is queued; only a failed, cancelled or incomplete run/);

    await markRunFinished(database.prisma, run.id, { status: "CANCELLED", error: "Cancelled by a user" });
    const retry = await ben.api.run.retry({ runId: run.id });
    expect(retry.id).not.toBe(run.id);
    expect(retry).toMatchObject({ projectId: run.projectId, prompt: "A recipe box", status: "QUEUED" });
    expect(sentEvents.find((event) => event.data.runId === retry.id)).toMatchObject({ name: "prompts.new" });
    // The cancelled run stays in the history as it was.
    expect((await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("CANCELLED");
  });

  it("fails the run at once when the pipeline cannot be reached", async () => {
    const cy = await createTestUser(database.prisma, "cy");
    const unreachable = await callerAs(database.prisma, { id: cy.user.id, email: cy.user.email, name: cy.user.name, image: null }, {}, async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
    });
    await expectTRPCError(unreachable.project.create({ workspaceId: cy.workspace.id, prompt: "A packing list" }), "BAD_REQUEST", /not reachable right now/);
    const [run] = await database.prisma.run.findMany({ where: { project: { workspaceId: cy.workspace.id } } });
    expect(run).toMatchObject({ status: "FAILED", error: "The pipeline could not be started: connect ECONNREFUSED 127.0.0.1:8288" });
  });
});
