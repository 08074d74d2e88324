import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { readSse, type SseMessage } from "../testing/read-sse";
import { serveFetchHandler } from "../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { createApiToken, isApiTokenActive, resolveApiToken, revokeApiToken } from "../users/api-tokens";
import { createWorkspace } from "../workspaces/create-workspace";
import { createStreamSlots } from "./stream-slots";
import { appendRunEvent } from "./append-run-event";
import { createRunEventBus, type RunEventBus } from "./run-event-bus";
import { createRunEventHub } from "./run-event-hub";
import { handleRunEventsRequest } from "./run-events-handler";
import { markRunFinished } from "./run-lifecycle";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const runEvents = (messages: SseMessage[]) => messages.filter((message) => message.event === "run-event");
const seqs = (messages: SseMessage[]) => runEvents(messages).map((message) => Number(message.id));

describe.each(testDatabaseKinds)("run event stream over SSE on %s", (kind) => {
  let database: TestDatabase;
  let bus: RunEventBus;
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  let hub: ReturnType<typeof createRunEventHub>;
  const slots = createStreamSlots(3);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    bus = createRunEventBus(database.driver);
    // A small window makes resuming streams cross from the table to memory within one test.
    hub = createRunEventHub({ db: database.prisma, bus, recheckMs: 200, windowSize: 5 });
    server = await serveFetchHandler((request) => {
      const runId = new URL(request.url).pathname.split("/")[3] ?? "";
      return handleRunEventsRequest(request, runId, {
        db: database.prisma,
        hub,
        heartbeatMs: 200,
        resolveCaller: async (incoming) => {
          const token = incoming.headers.get("authorization")?.replace(/^Bearer /, "");
          const resolved = token ? await resolveApiToken(database.prisma, token) : null;
          return resolved ? { user: resolved.user, apiToken: resolved.grant } : null;
        },
        slots,
        isTokenActive: (tokenId) => isApiTokenActive(database.prisma, tokenId),
        recheckTokenMs: 100,
      });
    });
  });
  afterAll(async () => {
    await server?.close();
    // Reads in flight finish before the database goes away.
    await hub?.close();
    await bus?.close();
    await database?.cleanup();
  });

  async function setUpRun() {
    const owner = await createTestUser(database.prisma, "streamer");
    const { run } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A timer app" });
    const { secret, id: tokenId } = await createApiToken(database.prisma, { userId: owner.user.id, workspaceId: owner.workspace.id, name: "sse", scope: "READ" });
    return { runId: run.id, owner, tokenId, headers: { authorization: `Bearer ${secret}` } };
  }

  async function append(runId: string, count: number) {
    for (let index = 0; index < count; index++) {
      await database.prisma.$transaction((tx) => appendRunEvent(tx, runId, "agent.log", { agent: "QA", line: `line ${index}` }));
    }
  }

  it("replays history, then delivers live events as they are committed", async () => {
    const { runId, headers } = await setUpRun();
    await append(runId, 2); // seq 2, 3 (seq 1 is run.queued)
    const reading = readSse(`${server.url}/api/runs/${runId}/events`, { headers }, (messages) => runEvents(messages).length >= 8);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await append(runId, 5);
    const { status, messages } = await reading;
    expect(status).toBe(200);
    expect(seqs(messages)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(JSON.parse(runEvents(messages)[0]!.data)).toMatchObject({ seq: 1, type: "run.queued" });
  });

  it("resumes after a disconnect with Last-Event-ID: every event exactly once, in order", async () => {
    const { runId, headers } = await setUpRun();
    const url = `${server.url}/api/runs/${runId}/events`;
    const writer = append(runId, 30);
    const first = await readSse(url, { headers }, (messages) => runEvents(messages).length >= 7);
    const lastId = runEvents(first.messages).at(-1)!.id!;
    const second = await readSse(url, { headers: { ...headers, "Last-Event-ID": lastId } }, (messages) => runEvents(messages).length >= 10);
    const lastId2 = runEvents(second.messages).at(-1)!.id!;
    await writer;
    const third = await readSse(url, { headers: { ...headers, "Last-Event-ID": lastId2 } }, (messages) => Number(runEvents(messages).at(-1)?.id) >= 31);
    const all = [...seqs(first.messages), ...seqs(second.messages), ...seqs(third.messages)];
    expect(all).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));
  });

  it("ends the stream once a finished run has sent everything", async () => {
    const { runId, headers } = await setUpRun();
    await database.prisma.$transaction(async (tx) => {
      await tx.run.update({ where: { id: runId }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
      await appendRunEvent(tx, runId, "run.succeeded", { error: null, versionId: null });
    });
    const { messages } = await readSse(`${server.url}/api/runs/${runId}/events`, { headers }, () => false);
    expect(seqs(messages)).toEqual([1, 2]);
    expect(messages.at(-1)).toMatchObject({ event: "end" });
  });

  it("ends the stream for a run that deployed with gaps, too", async () => {
    const { runId, headers } = await setUpRun();
    const gap = { kind: "acceptance-check" as const, id: "loads", description: "The app loads", status: "unverified" as const, reason: "no browser" };
    await markRunFinished(database.prisma, runId, { status: "READY_WITH_GAPS", versionId: "v1", gaps: [gap] });
    const { messages } = await readSse(`${server.url}/api/runs/${runId}/events`, { headers }, () => false);
    expect(runEvents(messages).map((message) => (JSON.parse(message.data) as { type: string }).type)).toEqual(["run.queued", "run.ready_with_gaps"]);
    expect(messages.at(-1)).toMatchObject({ event: "end" });
  });

  it("refuses anonymous callers, other users, and malformed ids", async () => {
    const { runId } = await setUpRun();
    const stranger = await createTestUser(database.prisma, "stranger");
    const { secret } = await createApiToken(database.prisma, { userId: stranger.user.id, workspaceId: stranger.workspace.id, name: "other", scope: "READ" });
    const url = `${server.url}/api/runs/${runId}/events`;

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const other = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: "Run not found" });
    const malformed = await fetch(`${server.url}/api/runs/..%2Fetc/events`, { headers: { authorization: `Bearer ${secret}` } });
    expect(malformed.status).toBe(400);
  });

  it("caps concurrent streams per user with a 429, and frees the slot when a stream closes", async () => {
    const { runId, owner, headers } = await setUpRun();
    const url = `${server.url}/api/runs/${runId}/events`;
    const controllers = [0, 1, 2].map(() => new AbortController());
    const open = await Promise.all(controllers.map((controller) => fetch(url, { headers, signal: controller.signal })));
    expect(open.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(slots.count(owner.user.id)).toBe(3);
    const refused = await fetch(url, { headers });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    controllers[0]!.abort();
    await expect.poll(() => slots.count(owner.user.id)).toBe(2);
    const another = new AbortController();
    expect((await fetch(url, { headers, signal: another.signal })).status).toBe(200);
    for (const controller of [...controllers, another]) controller.abort();
    await expect.poll(() => slots.count(owner.user.id)).toBe(0);
  });

  it("ends a token's open stream once the token is revoked, and refuses it afterwards", async () => {
    const { runId, owner, tokenId, headers } = await setUpRun();
    const url = `${server.url}/api/runs/${runId}/events`;
    const reading = readSse(url, { headers }, () => false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await revokeApiToken(database.prisma, { userId: owner.user.id, tokenId });
    const { status, messages } = await reading; // readSse returns when the server ends the stream
    expect(status).toBe(200);
    expect(seqs(messages)).toEqual([1]);
    expect((await fetch(url, { headers })).status).toBe(401);
  });

  it("a token bound to another workspace of the same user cannot stream this workspace's runs", async () => {
    const { runId, owner } = await setUpRun();
    const team = await createWorkspace(database.prisma, { name: "Team", ownerId: owner.user.id });
    const { secret } = await createApiToken(database.prisma, { userId: owner.user.id, workspaceId: team.id, name: "team", scope: "ADMIN" });
    const response = await fetch(`${server.url}/api/runs/${runId}/events`, { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status).toBe(404);
  });

  it("an event's log refuses to be rewritten", async () => {
    const { runId } = await setUpRun();
    await expect(
      database.prisma.runEvent.updateMany({ where: { runId }, data: { type: "tampered" } }),
    ).rejects.toThrow();
    expect((await database.prisma.runEvent.findFirstOrThrow({ where: { runId } })).type).toBe("run.queued");
  });
});
