// A slow SSE client and one that never reads, over real HTTP, while a run writes thousands of
// events: the never-reading stream stops reading the database once its buffers are full (counted
// at the event source, not by timing), its server-side queue stays under the stream's bound (no
// heartbeats piling up behind it), it is let go once it has read nothing for `stalledClientMs`
// (its stream slot freed), and the other clients get every event, in order, to the end.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { serveFetchHandler } from "../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { createApiToken, isApiTokenActive, resolveApiToken } from "../users/api-tokens";
import { appendRunEvent } from "./append-run-event";
import { createRunEventBus, type RunEventBus } from "./run-event-bus";
import { createRunEventHub, type RunEventHub } from "./run-event-hub";
import { handleRunEventsRequest } from "./run-events-handler";
import { MAX_QUEUED_CHUNKS, STREAM_QUEUE_CHUNKS } from "./run-event-stream";
import { markRunFinished } from "./run-lifecycle";
import { createStreamSlots } from "./stream-slots";

const EVENTS = 2000;
// ~8 KB per event: 16 MB in all, several times what the loopback socket buffers (up to 4 MB of
// send buffer here) of a client that reads nothing can hold.
const LINE = "x".repeat(8000);
const BATCH = 100;
const STALLED_CLIENT_MS = 3000;

type ClientName = "never" | "slow" | "normal";
/** Per client: what its stream read from the event source, and the fullest its queue got. */
type Probe = { eventsRead: number; lowestDesiredSize: number; closed: boolean };

describe.each(testDatabaseKinds)("run event stream with slow and stuck clients (%s)", { timeout: 180_000 }, (kind) => {
  let database: TestDatabase;
  let bus: RunEventBus;
  let hub: RunEventHub;
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  const slots = createStreamSlots(10);
  const probes = new Map<ClientName, Probe>();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    bus = createRunEventBus(database.driver);
    hub = createRunEventHub({ db: database.prisma, bus, recheckMs: 500 });
    server = await serveFetchHandler((request) => {
      const runId = new URL(request.url).pathname.split("/")[3] ?? "";
      const client = (request.headers.get("x-test-client") ?? "normal") as ClientName;
      const probe: Probe = { eventsRead: 0, lowestDesiredSize: Infinity, closed: false };
      probes.set(client, probe);
      // The real hub, counted: every event a stream takes from its source is one it will queue.
      const countingHub: RunEventHub = {
        source: (id) => {
          const source = hub.source(id);
          return {
            ...source,
            read: async (afterSeq, limit) => {
              const events = await source.read(afterSeq, limit);
              probe.eventsRead += events.length;
              return events;
            },
          };
        },
        close: () => hub.close(),
      };
      return handleRunEventsRequest(request, runId, {
        db: database.prisma,
        hub: countingHub,
        heartbeatMs: 50,
        stalledClientMs: STALLED_CLIENT_MS,
        onEnqueue: (desiredSize) => {
          probe.lowestDesiredSize = Math.min(probe.lowestDesiredSize, desiredSize ?? Infinity);
        },
        resolveCaller: async (incoming) => {
          const token = incoming.headers.get("authorization")?.replace(/^Bearer /, "");
          const resolved = token ? await resolveApiToken(database.prisma, token) : null;
          return resolved ? { user: resolved.user, apiToken: resolved.grant } : null;
        },
        slots: {
          acquire: (userId) => {
            const release = slots.acquire(userId);
            return release && (() => ((probe.closed = true), release()));
          },
          count: slots.count,
        },
        isTokenActive: (tokenId) => isApiTokenActive(database.prisma, tokenId),
      });
    });
  });
  afterAll(async () => {
    await server?.close();
    await hub?.close();
    await bus?.close();
    await database?.cleanup();
  });

  /** A raw TCP client that sends the request and then never reads a byte. */
  function openNeverReadingClient(path: string, secret: string): Promise<Socket> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) }, () => {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${secret}\r\nX-Test-Client: never\r\nAccept: text/event-stream\r\n\r\n`);
        // No 'data' listener and never resumed: the socket stays paused, so the kernel's buffers
        // fill and TCP flow control pushes back on the server.
        resolve(socket);
      });
      socket.on("error", () => {}); // the server resets it when it lets the client go
      socket.once("error", reject);
    });
  }

  /** Reads the stream over fetch; `pauseMs` between reads makes it a slow reader. Returns every run-event id, and whether the end event came. */
  async function readAll(path: string, secret: string, client: ClientName, pauseMs: number) {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}`, "x-test-client": client } });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const ids: number[] = [];
    let buffer = "";
    let isEnded = false;
    while (!isEnded) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary: number;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        if (block.startsWith("event: end")) isEnded = true;
        const id = /^id: (\d+)\nevent: run-event\n/.exec(block);
        if (id) ids.push(Number(id[1]));
      }
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    await reader.cancel().catch(() => {});
    return { ids, isEnded };
  }

  it("bounds a client that never reads, and the others get every event in order", async () => {
    const owner = await createTestUser(database.prisma, "sse-backpressure");
    const { run } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A very chatty run" });
    const { secret } = await createApiToken(database.prisma, { userId: owner.user.id, workspaceId: owner.workspace.id, name: "sse", scope: "READ" });
    const path = `/api/runs/${run.id}/events`;

    const never = await openNeverReadingClient(path, secret);
    await expect.poll(() => probes.get("never")?.eventsRead).toBeGreaterThanOrEqual(1); // run.queued: the stream is open
    const slow = readAll(path, secret, "slow", 5);
    const normal = readAll(path, secret, "normal", 0);

    // The run writes its events while the three follow it; the writer is never held up by a reader.
    for (let written = 0; written < EVENTS; written += BATCH) {
      await database.prisma.$transaction(async (tx) => {
        for (let index = written; index < written + BATCH; index++) await appendRunEvent(tx, run.id, "agent.log", { agent: "QA", line: `${index} ${LINE}` });
      });
    }
    await markRunFinished(database.prisma, run.id, { status: "FAILED", error: "enough" });
    const { lastSeq } = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id }, select: { lastSeq: true } });
    const everySeq = Array.from({ length: lastSeq }, (_, index) => index + 1);

    const [normalResult, slowResult] = await Promise.all([normal, slow]);
    expect(normalResult).toEqual({ ids: everySeq, isEnded: true });
    expect(slowResult).toEqual({ ids: everySeq, isEnded: true });

    // The stuck client is let go; until then it held its slot, and what it read stayed bounded.
    await expect.poll(() => probes.get("never")?.closed, { timeout: 30_000 }).toBe(true);
    const stuck = probes.get("never")!;
    expect(stuck.eventsRead).toBeLessThan(everySeq.length / 2);
    console.info(`[${kind}] the stuck client's stream read ${stuck.eventsRead} of ${everySeq.length} events; its queue's lowest desiredSize ${stuck.lowestDesiredSize}`);
    // The queue never held more than the stream's high-water mark plus one batch (no heartbeat pile-up).
    expect(stuck.lowestDesiredSize).toBeGreaterThanOrEqual(STREAM_QUEUE_CHUNKS - MAX_QUEUED_CHUNKS);
    expect(slots.count(owner.user.id)).toBe(0);
    never.destroy();
  });
});
