import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTopFailureReasons } from "../../analytics/top-failure-reasons";
import type { Db } from "../../db";
import type { AgentTaskStatus, DeploymentStatus, RunStatus } from "../../db/generated/enums";
import { createTestUser } from "../../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../../testing/test-database";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Timestamps are placed relative to today's UTC midnight: the router asks for "the last N days" from the real clock.
const todayStart = (() => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
})();
/** A moment `daysAgo` UTC days back, `hours` into that day. */
const at = (daysAgo: number, hours = 0, extraMs = 0) => new Date(todayStart - daysAgo * DAY + hours * HOUR + extraMs);
const dayKey = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);

type TaskSpec = {
  agentName: string;
  status?: AgentTaskStatus;
  provider?: string | null;
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  error?: string | null;
  createdAt?: Date;
};

/** A run with its agent tasks and, optionally, deployments of a version it produced, exactly as the pipeline leaves them. */
async function seedRun(
  db: Db,
  projectId: string,
  run: {
    status: RunStatus;
    createdAt: Date;
    tasks?: TaskSpec[];
    deployments?: Array<{ status: DeploymentStatus; afterMs: number }>;
    requirements?: { passed: number; failed: number; unsupported: number; unverified: number };
  },
) {
  const tally = run.requirements;
  const created = await db.run.create({
    data: {
      projectId,
      prompt: "an app",
      status: run.status,
      createdAt: run.createdAt,
      queuedAt: run.createdAt,
      ...(tally && {
        requirementsTotal: tally.passed + tally.failed + tally.unsupported + tally.unverified,
        requirementsPassed: tally.passed,
        requirementsFailed: tally.failed,
        requirementsUnsupported: tally.unsupported,
        requirementsUnverified: tally.unverified,
      }),
    },
  });
  for (const task of run.tasks ?? []) {
    await db.agentTask.create({
      data: {
        projectId,
        runId: created.id,
        agentName: task.agentName,
        taskType: "work",
        status: task.status ?? "SUCCEEDED",
        provider: task.provider === undefined ? "openai" : task.provider,
        tokensIn: task.tokensIn ?? 0,
        tokensOut: task.tokensOut ?? 0,
        costUsd: task.costUsd ?? 0,
        error: task.error ?? null,
        createdAt: task.createdAt ?? run.createdAt,
      },
    });
  }
  if (run.deployments?.length) {
    const last = await db.projectVersion.findFirst({ where: { projectId }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await db.projectVersion.create({ data: { projectId, runId: created.id, number: (last?.number ?? 0) + 1 } });
    for (const deployment of run.deployments) {
      const completedAt = new Date(run.createdAt.getTime() + deployment.afterMs);
      await db.deployment.create({
        data: { projectId, versionId: version.id, status: deployment.status, initiatedAt: completedAt, completedAt },
      });
    }
  }
  return created;
}

async function seedProject(db: Db, owner: { user: { id: string }; workspace: { id: string } }) {
  return db.project.create({ data: { workspaceId: owner.workspace.id, userId: owner.user.id, name: "CRM", originalPrompt: "a CRM" } });
}

describe.each(testDatabaseKinds)("analytics router on %s", (kind) => {
  let database: TestDatabase;
  let owner: Awaited<ReturnType<typeof createTestUser>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    owner = await createTestUser(db, "analytics-owner");
    const project = await seedProject(db, owner);

    // Six days ago (the first day of a 7-day window): one success with a 90 s preview, one failure.
    await seedRun(db, project.id, {
      status: "SUCCEEDED",
      createdAt: at(6, 1),
      tasks: [
        { agentName: "PromptCompiler", tokensIn: 200, tokensOut: 100, costUsd: 0.005 },
        { agentName: "CodeGen", tokensIn: 1000, tokensOut: 500, costUsd: 0.02 },
        { agentName: "QA", provider: null },
      ],
      deployments: [{ status: "READY", afterMs: 90_000 }],
    });
    await seedRun(db, project.id, {
      status: "FAILED",
      createdAt: at(6, 2),
      tasks: [
        { agentName: "QA", provider: null, status: "FAILED", error: 'expected to see "Contacts" on the page\n    at check (qa.ts:12)', createdAt: at(6, 2, 1) },
        { agentName: "QA", provider: null, status: "FAILED", error: 'expected to see "Deals" on the page' },
        { agentName: "Deploy", provider: null, status: "FAILED", error: "Version cm9x2b7k0000a8f3lq2v1dzxy not found" },
      ],
    });

    // Three days ago: a success whose first preview took 30 s (a rollback to it hours later must not count), and a cancellation.
    await seedRun(db, project.id, {
      status: "SUCCEEDED",
      createdAt: at(3, 5),
      tasks: [{ agentName: "CodeGen", provider: "offline", tokensIn: 300, tokensOut: 700 }],
      deployments: [
        { status: "FAILED", afterMs: 10_000 },
        { status: "READY", afterMs: 30_000 },
        { status: "READY", afterMs: 2 * HOUR },
      ],
    });
    await seedRun(db, project.id, { status: "CANCELLED", createdAt: at(3, 6) });

    // Today: one still running, one success with a 60 s preview whose CodeGen failed once before succeeding.
    await seedRun(db, project.id, { status: "RUNNING", createdAt: at(0) });
    await seedRun(db, project.id, {
      status: "SUCCEEDED",
      createdAt: at(0, 0, 1),
      tasks: [
        { agentName: "CodeGen", status: "FAILED", error: "Model timed out after 30012 ms" },
        { agentName: "CodeGen", status: "FAILED", error: "Model timed out after 30480 ms", createdAt: at(0, 0, 2) },
        { agentName: "CodeGen", provider: "anthropic", tokensIn: 50, tokensOut: 50, costUsd: 0.001 },
        { agentName: "Deploy", provider: null, status: "FAILED", error: "   " },
      ],
      deployments: [{ status: "READY", afterMs: 60_000 }],
    });

    // The last millisecond before a 7-day window: inside a 30-day one only.
    await seedRun(db, project.id, {
      status: "SUCCEEDED",
      createdAt: at(6, 0, -1),
      tasks: [{ agentName: "CodeGen", tokensIn: 5000, tokensOut: 5000, costUsd: 1, status: "SUCCEEDED" }],
      deployments: [{ status: "READY", afterMs: 1_000_000 }],
    });
    // Long ago: in no window at all.
    await seedRun(db, project.id, { status: "FAILED", createdAt: at(400), tasks: [{ agentName: "QA", status: "FAILED", error: "ancient" }] });

    // Another tenant, busy today: none of this may show up in the owner's numbers.
    const stranger = await createTestUser(db, "analytics-stranger");
    const strangerProject = await seedProject(db, stranger);
    await seedRun(db, strangerProject.id, {
      status: "FAILED",
      createdAt: at(0, 0, 5),
      tasks: [{ agentName: "CodeGen", tokensIn: 99_999, tokensOut: 99_999, costUsd: 42, status: "FAILED", error: "Model timed out after 1 ms" }],
      deployments: [{ status: "READY", afterMs: 5 }],
    });
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("counts runs per UTC day by outcome, filling quiet days with zeros", async () => {
    const analytics = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 });
    expect(analytics.range).toEqual({ days: 7, from: dayKey(6), to: dayKey(0) });
    expect(analytics.runsPerDay.map((day) => day.day)).toEqual([6, 5, 4, 3, 2, 1, 0].map(dayKey));
    expect(analytics.runsPerDay).toEqual([
      { day: dayKey(6), total: 2, succeeded: 1, withGaps: 0, failed: 1, cancelled: 0, active: 0 },
      { day: dayKey(5), total: 0, succeeded: 0, withGaps: 0, failed: 0, cancelled: 0, active: 0 },
      { day: dayKey(4), total: 0, succeeded: 0, withGaps: 0, failed: 0, cancelled: 0, active: 0 },
      { day: dayKey(3), total: 2, succeeded: 1, withGaps: 0, failed: 0, cancelled: 1, active: 0 },
      { day: dayKey(2), total: 0, succeeded: 0, withGaps: 0, failed: 0, cancelled: 0, active: 0 },
      { day: dayKey(1), total: 0, succeeded: 0, withGaps: 0, failed: 0, cancelled: 0, active: 0 },
      { day: dayKey(0), total: 2, succeeded: 1, withGaps: 0, failed: 0, cancelled: 0, active: 1 },
    ]);
  });

  it("gives each day its success rate and median prompt→preview time, leaving days without either as gaps", async () => {
    const { qualityPerDay } = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 });
    const gap = { successRate: null, medianPromptToPreviewMs: null, previews: 0 };
    expect(qualityPerDay).toEqual([
      // One success and one failure; the success's 90 s preview is the day's only one.
      { day: dayKey(6), successRate: 0.5, medianPromptToPreviewMs: 90_000, previews: 1 },
      { day: dayKey(5), ...gap },
      { day: dayKey(4), ...gap },
      // The cancellation has no verdict; the first READY deployment (30 s) counts, not the rollback.
      { day: dayKey(3), successRate: 1, medianPromptToPreviewMs: 30_000, previews: 1 },
      { day: dayKey(2), ...gap },
      { day: dayKey(1), ...gap },
      // The running run has no verdict yet; the stranger's 5 ms preview today is not ours.
      { day: dayKey(0), successRate: 1, medianPromptToPreviewMs: 60_000, previews: 1 },
    ]);
  });

  it("takes each day's median over that day's runs only, on the day the run was created", async () => {
    const db = database.prisma;
    const tester = await createTestUser(db, "analytics-quality");
    const project = await seedProject(db, tester);
    const ready = (afterMs: number) => [{ status: "READY" as const, afterMs }];
    // Two days ago: previews of 20 s and 50 s (an even count: the median is their mean), a success
    // without a preview (counts for the rate, not the median) and a failure: 3 of 4 succeeded.
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(2, 1), deployments: ready(20_000) });
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(2, 2), deployments: ready(50_000) });
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(2, 3) });
    await seedRun(db, project.id, { status: "FAILED", createdAt: at(2, 4) });
    // Yesterday: runs, but none with a verdict or a preview — a gap, not 0 %.
    await seedRun(db, project.id, { status: "CANCELLED", createdAt: at(1, 1) });
    await seedRun(db, project.id, { status: "RUNNING", createdAt: at(1, 2) });
    // Today: previews of 40 s, 10 s and 100 s, an odd count: the median is the middle one.
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(0, 0, 60_000), deployments: ready(40_000) });
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(0, 0, 120_000), deployments: ready(10_000) });
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(0, 0, 180_000), deployments: ready(100_000) });
    // Three days ago, a minute before midnight: its preview comes up the next day but belongs to the day it was created.
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(2, 0, -60_000), deployments: ready(5 * 60_000) });

    const analytics = await tester.api.analytics.workspace({ workspaceId: tester.workspace.id, days: 4 });
    expect(analytics.qualityPerDay).toEqual([
      { day: dayKey(3), successRate: 1, medianPromptToPreviewMs: 300_000, previews: 1 },
      { day: dayKey(2), successRate: 0.75, medianPromptToPreviewMs: 35_000, previews: 2 },
      { day: dayKey(1), successRate: null, medianPromptToPreviewMs: null, previews: 0 },
      { day: dayKey(0), successRate: 1, medianPromptToPreviewMs: 40_000, previews: 3 },
    ]);
    // The overall figures pool the runs, not the days: 7 of 8 verdicts were successes, and the
    // median is over all six previews (10, 20, 40, 50, 100, 300 s), not a median of the daily medians (40 s).
    expect(analytics.summary).toMatchObject({ successRate: 0.875, medianPromptToPreviewMs: 45_000, previews: 6 });
  });

  it("counts a run that deployed with gaps as its own outcome: a verdict, a preview, never a success", async () => {
    const db = database.prisma;
    const tester = await createTestUser(db, "analytics-gaps");
    const project = await seedProject(db, tester);
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(0, 0, 60_000), deployments: [{ status: "READY", afterMs: 20_000 }] });
    await seedRun(db, project.id, { status: "READY_WITH_GAPS", createdAt: at(0, 0, 120_000), deployments: [{ status: "READY", afterMs: 40_000 }] });
    const analytics = await tester.api.analytics.workspace({ workspaceId: tester.workspace.id, days: 1 });
    expect(analytics.runsPerDay).toEqual([{ day: dayKey(0), total: 2, succeeded: 1, withGaps: 1, failed: 0, cancelled: 0, active: 0 }]);
    expect(analytics.summary).toMatchObject({ succeeded: 1, withGaps: 1, successRate: 0.5, previews: 2, medianPromptToPreviewMs: 30_000 });
    expect(analytics.qualityPerDay).toEqual([{ day: dayKey(0), successRate: 0.5, medianPromptToPreviewMs: 30_000, previews: 2 }]);
  });

  it("gives the requirement pass rate per day: passed of those checked, unsupported and unverified counting neither way", async () => {
    const db = database.prisma;
    const tester = await createTestUser(db, "analytics-requirements");
    const project = await seedProject(db, tester);
    const none = { passed: 0, failed: 0, unsupported: 0, unverified: 0 };
    await seedRun(db, project.id, { status: "SUCCEEDED", createdAt: at(2, 1), requirements: { ...none, passed: 4 } });
    await seedRun(db, project.id, { status: "READY_WITH_GAPS", createdAt: at(2, 2), requirements: { passed: 5, failed: 1, unsupported: 2, unverified: 0 } });
    await seedRun(db, project.id, { status: "READY_WITH_GAPS", createdAt: at(0, 1), requirements: { ...none, unsupported: 1, unverified: 3 } });
    await seedRun(db, project.id, { status: "FAILED", createdAt: at(0, 2) });
    const analytics = await tester.api.analytics.workspace({ workspaceId: tester.workspace.id, days: 3 });
    expect(analytics.requirementsPerDay).toEqual([
      { day: dayKey(2), passed: 9, checked: 10, passRate: 0.9 },
      { day: dayKey(1), passed: 0, checked: 0, passRate: null },
      // Requirements nobody could check are not a 0 % day.
      { day: dayKey(0), passed: 0, checked: 0, passRate: null },
    ]);
    expect(analytics.summary).toMatchObject({ requirementsPassed: 9, requirementsChecked: 10, requirementPassRate: 0.9 });
  });

  it("summarises success rate, median prompt→preview time, tokens and cost", async () => {
    const { summary } = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 });
    expect(summary).toEqual({
      runs: 6,
      succeeded: 3,
      withGaps: 0,
      failed: 1,
      cancelled: 1,
      active: 1,
      // Cancelled and running runs have no verdict: 3 of the 4 that finished succeeded.
      successRate: 0.75,
      // 90 s, 30 s (the first READY, not the rollback) and 60 s.
      medianPromptToPreviewMs: 60_000,
      previews: 3,
      tokensIn: 1550,
      tokensOut: 1350,
      costUsd: 0.026,
      agentFailures: 6,
      // None of these runs' plans had requirements: no pass rate, rather than 0 % or 100 %.
      requirementsPassed: 0,
      requirementsChecked: 0,
      requirementPassRate: null,
    });
  });

  it("sums tokens and cost per day and per provider", async () => {
    const analytics = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 });
    expect(analytics.usagePerDay).toEqual([
      { day: dayKey(6), tokensIn: 1200, tokensOut: 600, costUsd: 0.025 },
      { day: dayKey(5), tokensIn: 0, tokensOut: 0, costUsd: 0 },
      { day: dayKey(4), tokensIn: 0, tokensOut: 0, costUsd: 0 },
      { day: dayKey(3), tokensIn: 300, tokensOut: 700, costUsd: 0 },
      { day: dayKey(2), tokensIn: 0, tokensOut: 0, costUsd: 0 },
      { day: dayKey(1), tokensIn: 0, tokensOut: 0, costUsd: 0 },
      { day: dayKey(0), tokensIn: 50, tokensOut: 50, costUsd: 0.001 },
    ]);
    expect(analytics.usageByProvider).toEqual([
      // The two failed CodeGen attempts count as tasks but spent nothing on record.
      { provider: "openai", tasks: 4, tokensIn: 1200, tokensOut: 600, costUsd: 0.025 },
      { provider: "offline", tasks: 1, tokensIn: 300, tokensOut: 700, costUsd: 0 },
      { provider: "anthropic", tasks: 1, tokensIn: 50, tokensOut: 50, costUsd: 0.001 },
    ]);
  });

  it("groups agent failures by agent and normalised first line, most frequent and then most recent first", async () => {
    const { failureReasons } = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 });
    expect(failureReasons).toEqual([
      { agentName: "CodeGen", reason: "Model timed out after N ms", count: 2, lastSeenAt: at(0, 0, 2), example: "Model timed out after 30480 ms" },
      { agentName: "QA", reason: 'expected to see "…" on the page', count: 2, lastSeenAt: at(6, 2, 1), example: 'expected to see "Contacts" on the page' },
      { agentName: "Deploy", reason: "(no message)", count: 1, lastSeenAt: at(0, 0, 1), example: "" },
      { agentName: "Deploy", reason: "Version <id> not found", count: 1, lastSeenAt: at(6, 2), example: "Version cm9x2b7k0000a8f3lq2v1dzxy not found" },
    ]);
  });

  it("counts failed attempts per agent, most first, beyond the few top reasons", async () => {
    const analytics = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 });
    expect(analytics.failuresByAgent).toEqual([
      { agentName: "CodeGen", failures: 2 },
      { agentName: "Deploy", failures: 2 },
      { agentName: "QA", failures: 2 },
    ]);
    // With only the top reason shown, the per-agent counts still add up to every failure.
    const top = await getTopFailureReasons(database.prisma, { workspaceId: owner.workspace.id, days: 7, limit: 1 });
    expect(top.reasons).toHaveLength(1);
    expect(analytics.failuresByAgent.reduce((sum, agent) => sum + agent.failures, 0)).toBe(top.totalFailures);
    expect((await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 1 })).failuresByAgent).toEqual([
      { agentName: "CodeGen", failures: 2 },
      { agentName: "Deploy", failures: 1 },
    ]);
  });

  it("widens and narrows with the range: the default 30 days, and today only", async () => {
    const month = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id });
    expect(month.range.days).toBe(30);
    expect(month.runsPerDay).toHaveLength(30);
    expect(month.runsPerDay.find((day) => day.day === dayKey(7))).toMatchObject({ total: 1, succeeded: 1 });
    expect(month.summary).toMatchObject({ runs: 7, succeeded: 4, successRate: 0.8, previews: 4, medianPromptToPreviewMs: 75_000, tokensIn: 6550, costUsd: 1.026 });
    // A millisecond before midnight: its preview came up the next day, but it counts on the day the run was created.
    expect(month.qualityPerDay.find((day) => day.day === dayKey(7))).toEqual({ day: dayKey(7), successRate: 1, medianPromptToPreviewMs: 1_000_000, previews: 1 });
    expect(month.qualityPerDay.find((day) => day.day === dayKey(6))).toEqual({ day: dayKey(6), successRate: 0.5, medianPromptToPreviewMs: 90_000, previews: 1 });

    const today = await owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 1 });
    expect(today.runsPerDay).toEqual([{ day: dayKey(0), total: 2, succeeded: 1, withGaps: 0, failed: 0, cancelled: 0, active: 1 }]);
    expect(today.summary).toMatchObject({ runs: 2, successRate: 1, medianPromptToPreviewMs: 60_000, tokensIn: 50, agentFailures: 3 });
    expect(today.qualityPerDay).toEqual([{ day: dayKey(0), successRate: 1, medianPromptToPreviewMs: 60_000, previews: 1 }]);
  });

  it("shows an empty workspace as zeros and nulls, not errors", async () => {
    const newcomer = await createTestUser(database.prisma, "analytics-newcomer");
    const analytics = await newcomer.api.analytics.workspace({ workspaceId: newcomer.workspace.id, days: 7 });
    expect(analytics.summary).toMatchObject({ runs: 0, successRate: null, medianPromptToPreviewMs: null, previews: 0, tokensIn: 0, costUsd: 0, agentFailures: 0 });
    expect(analytics.runsPerDay.every((day) => day.total === 0)).toBe(true);
    expect(analytics.usagePerDay).toHaveLength(7);
    expect(analytics.usageByProvider).toEqual([]);
    expect(analytics.failureReasons).toEqual([]);
    expect(analytics.failuresByAgent).toEqual([]);
    expect(analytics.qualityPerDay).toEqual(
      analytics.runsPerDay.map(({ day }) => ({ day, successRate: null, medianPromptToPreviewMs: null, previews: 0 })),
    );
  });

  it("lets viewers read, hides the workspace from non-members, and refuses bad ranges", async () => {
    const viewer = await createTestUser(database.prisma, "analytics-viewer");
    await database.prisma.membership.create({ data: { workspaceId: owner.workspace.id, userId: viewer.user.id, role: "VIEWER" } });
    expect((await viewer.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 })).summary.runs).toBe(6);

    const outsider = await createTestUser(database.prisma, "analytics-outsider");
    await expect(outsider.api.analytics.workspace({ workspaceId: owner.workspace.id, days: 7 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    for (const days of [0, 366, 1.5]) {
      await expect(owner.api.analytics.workspace({ workspaceId: owner.workspace.id, days })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});
