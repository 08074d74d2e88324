// SSE fan-out: N subscribers follow one run over real HTTP; we append events and measure the
// time from commit to arrival at every subscriber.
import { createProject } from "../server/projects/create-project";
import { appendRunEvent } from "../server/runs/append-run-event";
import { createRunEventBus } from "../server/runs/run-event-bus";
import { createRunEventHub } from "../server/runs/run-event-hub";
import { handleRunEventsRequest } from "../server/runs/run-events-handler";
import { createTestUser } from "../server/testing/callers";
import { serveFetchHandler } from "../server/testing/serve-fetch-handler";
import { createTestDatabase } from "../server/testing/test-database";
import { createStreamSlots } from "../server/runs/stream-slots";
import { summarize } from "./stats";

export async function benchSseFanout({ kind = "pglite" as "pglite" | "postgres", subscribers = 1000, events = 20 } = {}) {
  const database = await createTestDatabase(kind);
  const bus = createRunEventBus(database.driver);
  const hub = createRunEventHub({ db: database.prisma, bus });
  const owner = await createTestUser(database.prisma, "bench");
  const { run } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "bench" });
  const server = await serveFetchHandler((request) =>
    handleRunEventsRequest(request, run.id, {
      db: database.prisma,
      hub,
      resolveCaller: async () => ({ user: { id: owner.user.id }, apiToken: null }),
      // One user holds every subscriber here: the per-user cap is not what this measures.
      slots: createStreamSlots(subscribers),
      isTokenActive: async () => true,
    }),
  );

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const expected = subscribers * events;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const controllers: AbortController[] = [];
  let connected = 0;

  async function subscribe() {
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(`${server.url}/events`, { signal: controller.signal, headers: { "Last-Event-ID": "1" } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let isConnected = false;
    for (;;) {
      const { value, done: isDone } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (isDone) return;
      buffer += value;
      if (!isConnected && buffer.includes(": connected")) {
        isConnected = true;
        connected++;
      }
      for (let match = buffer.match(/^id: (\d+)$/m); match; match = buffer.match(/^id: (\d+)$/m)) {
        const now = performance.now();
        latencies.push(now - (sentAt.get(Number(match[1])) ?? now));
        buffer = buffer.slice((match.index ?? 0) + match[0].length);
        if (++received === expected) resolveDone();
      }
    }
  }

  const started = [];
  for (let index = 0; index < subscribers; index++) started.push(subscribe());
  // Measure delivery, not connection set-up: wait until every stream is connected and subscribed.
  while (connected < subscribers) await new Promise((resolve) => setTimeout(resolve, 50));
  for (let index = 0; index < events; index++) {
    const event = await database.prisma.$transaction(async (tx) => {
      const created = await appendRunEvent(tx, run.id, "agent.log", { agent: "QA", line: `bench tick ${index}` });
      sentAt.set(created.seq, performance.now());
      return created;
    });
    void event;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  for (const controller of controllers) controller.abort();
  await server.close();
  await bus.close();
  await database.cleanup();
  return { kind, subscribers, events, delivered: received, expected, ...summarize(latencies) };
}
