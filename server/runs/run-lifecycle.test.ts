import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEventPayloads, RunGap } from "../events/run-events";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { markRunFinished, summariseGaps } from "./run-lifecycle";

const unverified = (id: string, reason = "no browser"): RunGap => ({ kind: "acceptance-check", id, description: `Check ${id}`, status: "unverified", reason });

describe("summariseGaps", () => {
  it("counts gaps by status and names their reason when they share one", () => {
    expect(summariseGaps([unverified("a")])).toBe("1 check not verified: no browser");
    expect(summariseGaps([unverified("a"), unverified("b")])).toBe("2 checks not verified: no browser");
    expect(summariseGaps([unverified("a", "x"), { ...unverified("b", "y"), status: "failed" }])).toBe("1 check not verified, 1 check failed");
  });
});

describe.each(testDatabaseKinds)("markRunFinished on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function newRun() {
    const owner = await createTestUser(database.prisma, "lifecycle");
    return createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A timer app" });
  }

  it("ends a deployed run with gaps as READY_WITH_GAPS — never SUCCEEDED — with the project READY and the gaps in its last event", async () => {
    const { project, run } = await newRun();
    const gaps = [unverified("loads"), unverified("adds")];
    await markRunFinished(database.prisma, run.id, { status: "READY_WITH_GAPS", versionId: "v1", gaps });

    const finished = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished).toMatchObject({ status: "READY_WITH_GAPS", error: null });
    expect(finished.finishedAt).not.toBeNull();
    expect((await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("READY");
    const last = await database.prisma.runEvent.findFirstOrThrow({ where: { runId: run.id }, orderBy: { seq: "desc" } });
    expect(last.type).toBe("run.ready_with_gaps");
    expect(last.payload as RunEventPayloads["run.ready_with_gaps"]).toEqual({ versionId: "v1", summary: "2 checks not verified: no browser", gaps });
  });

  it("refuses READY_WITH_GAPS without a gap, leaving the run as it was", async () => {
    const { run } = await newRun();
    await expect(markRunFinished(database.prisma, run.id, { status: "READY_WITH_GAPS", versionId: "v1", gaps: [] })).rejects.toThrow("READY_WITH_GAPS needs at least one gap");
    expect((await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("QUEUED");
  });
});
