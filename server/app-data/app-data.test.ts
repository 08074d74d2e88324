// The shared-records endpoint on the platform's store (PGlite, and PostgreSQL when reachable) and
// on QA's in-memory one: what it refuses, that one app never sees another's records, and that a
// change reaches a stream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { readSse } from "../testing/read-sse";
import { serveFetchHandler } from "../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { createRunEventBus, type RunEventBus } from "../runs/run-event-bus";
import { handleAppDataRequest } from "./handle-app-data-request";
import { createMemoryRecordStore } from "./memory-record-store";
import { APP_RECORDS_CHANNEL, createPrismaRecordStore } from "./prisma-record-store";
import { APP_DATA_LIMITS, type AppRecordChange, type AppRecordStore } from "./schemas";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(["memory" as const, ...testDatabaseKinds])("app data endpoint on %s", (kind) => {
  let database: TestDatabase | undefined;
  let bus: RunEventBus | undefined;
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  let projectA: string;
  let projectB: string;

  beforeAll(async () => {
    let store: AppRecordStore;
    if (kind === "memory") store = createMemoryRecordStore();
    else {
      database = await createTestDatabase(kind);
      bus = createRunEventBus(database.driver, APP_RECORDS_CHANNEL);
      store = createPrismaRecordStore(database.prisma, bus);
    }
    // /<project id>/_data/<path>: the test's stand-in for the preview origin that picks the scope.
    server = await serveFetchHandler((request) => {
      const [, scope = "", , ...rest] = new URL(request.url).pathname.split("/");
      return handleAppDataRequest(request, scope, rest.join("/"), { store, recheckMs: 60_000 });
    });
    if (!database) {
      [projectA, projectB] = ["check-a", "check-b"];
      return;
    }
    const owner = await createTestUser(database.prisma, "sharer");
    projectA = (await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A shared grocery list" })).project.id;
    projectB = (await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "Another grocery list" })).project.id;
  });
  afterAll(async () => {
    await server?.close();
    await bus?.close();
    await database?.cleanup();
  });

  const url = (project: string, path: string) => `${server.url}/${project}/_data/${path}`;
  const put = (project: string, path: string, body: unknown, contentType = "application/json") =>
    fetch(url(project, path), { method: "PUT", headers: { "Content-Type": contentType }, body: typeof body === "string" ? body : JSON.stringify(body) });

  it("refuses what is not a record write, with a JSON error", async () => {
    const cases: Array<[Promise<Response>, number]> = [
      [put(projectA, "records/Item/1", { data: { name: "Milk" }, extra: true }), 400],
      [put(projectA, "records/Item/1", { data: "Milk" }), 400],
      [put(projectA, "records/Item/1", "{not json"), 400],
      [put(projectA, "records/Item/1", { data: { name: "Milk" } }, "text/plain"), 415],
      [put(projectA, "records/Item;drop/1", { data: {} }), 400],
      [put(projectA, "records/Item/1", { data: { note: "x".repeat(9_000), more: "x".repeat(APP_DATA_LIMITS.maxRecordBytes - 9_000) } }), 413],
      [put(projectA, "records/Item/1", { data: { note: "x".repeat(APP_DATA_LIMITS.maxBodyBytes + 10) } }), 413],
      [put(projectA, "records/Item/1", `{"data":{"deep":${"[".repeat(5000)}${"]".repeat(5000)}}}`), 400],
      [fetch(url(projectA, "records/Item/1")), 405],
      [fetch(url(projectA, "secrets")), 404],
    ];
    for (const [pending, status] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
    }
    expect(((await (await fetch(url(projectA, "records"))).json()) as { records: unknown[] }).records).toEqual([]);
  });

  it("keeps each project's records to itself, and streams a change to a device that follows", async () => {
    const before = (await (await fetch(url(projectA, "records"))).json()) as { seq: number };
    // Device B follows project A; a stream on project B must see nothing of A.
    const followA = readSse(url(projectA, `events?after=${before.seq}`), {}, (messages) => messages.length >= 2);
    const followB = readSse(url(projectB, "events"), {}, (messages) => messages.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await put(projectA, "records/Item/milk-1", { data: { name: "Milk", done: false } })).status).toBe(200);
    expect((await put(projectA, "records/Item/milk-1", { data: { name: "Milk", done: true } })).status).toBe(200);

    const messages = (await followA).messages.map((message) => JSON.parse(message.data) as AppRecordChange);
    expect(messages.map((change) => change.data)).toEqual([{ name: "Milk", done: false }, { name: "Milk", done: true }]);
    expect(messages.every((change) => change.entity === "Item" && change.id === "milk-1")).toBe(true);

    // Project B: no records, and its stream got nothing of A's writes before its own.
    expect(((await (await fetch(url(projectB, "records"))).json()) as { records: unknown[] }).records).toEqual([]);
    expect((await put(projectB, "records/Item/bread-1", { data: { name: "Bread" } })).status).toBe(200);
    const onB = (await followB).messages.map((message) => JSON.parse(message.data) as AppRecordChange);
    expect(onB.map((change) => change.id)).toEqual(["bread-1"]);
    const listA = (await (await fetch(url(projectA, "records"))).json()) as { records: AppRecordChange[] };
    expect(listA.records.map((record) => record.id)).toEqual(["milk-1"]);

    // A delete is a change too (data null), and leaves the list.
    const resumeAt = listA.records[0]!.seq;
    const followDelete = readSse(url(projectA, "events"), { headers: { "Last-Event-ID": String(resumeAt) } }, (received) => received.length >= 1);
    expect((await fetch(url(projectA, "records/Item/milk-1"), { method: "DELETE" })).status).toBe(200);
    expect(JSON.parse((await followDelete).messages[0]!.data)).toMatchObject({ id: "milk-1", data: null });
    expect(((await (await fetch(url(projectA, "records"))).json()) as { records: unknown[] }).records).toEqual([]);
  });
});

// The planted bug the isolation test above is for: a handler that scopes by anything but the
// caller's scope hands one app's records to another, and the same reads see it.
describe("a leaking app data endpoint", () => {
  it("is caught by reading another app's list", async () => {
    const store = createMemoryRecordStore();
    const server = await serveFetchHandler((request) => {
      const [, , , ...rest] = new URL(request.url).pathname.split("/");
      return handleAppDataRequest(request, "one-for-all", rest.join("/"), { store });
    });
    try {
      await fetch(`${server.url}/app-a/_data/records/Item/milk-1`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ data: { name: "Milk" } }) });
      const listB = (await (await fetch(`${server.url}/app-b/_data/records`)).json()) as { records: unknown[] };
      expect(listB.records).not.toEqual([]);
    } finally {
      await server.close();
    }
  });
});
