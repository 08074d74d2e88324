// @vitest-environment happy-dom
// The shared store (runtime/src/engine/shared-store.js) against a fake server: it loads the
// server's records, writes changes through, applies pushed changes, and while the server cannot
// be reached keeps working on this device, says so, and sends what waited once it is back.
// (Two real devices in Chromium: server/agents/qa/shared-data.integration.test.ts.)
import { afterEach, describe, expect, it, vi } from "vitest";
import { syncText } from "../runtime/src/engine/app.js";
import { createSharedStore } from "../runtime/src/engine/shared-store.js";

const spec = {
  appName: "Groceries",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  pages: [],
  storage: { key: "groceries-test", version: 1 },
  sharing: { live: true },
  entities: [{ name: "Item", pluralLabel: "Items", fields: [{ name: "name", label: "Name", type: "string" }, { name: "done", label: "Done", type: "boolean", defaultValue: false }], belongsTo: [] }],
};

/** A fake of the app's server: its records, whether it answers, and the event streams opened on it. */
function fakeServer(records = [], seq = records.length) {
  const server = { isUp: true, records: [...records], seq, writes: [], streams: [] };
  server.fetch = vi.fn(async (url, init = {}) => {
    if (!server.isUp) throw new TypeError("Failed to fetch");
    const path = String(url).split("/_data/")[1];
    if (path === "records") return new Response(JSON.stringify({ records: server.records, seq: server.seq }), { status: 200 });
    server.writes.push({ method: init.method, path, body: init.body ? JSON.parse(init.body) : null });
    return new Response("{}", { status: 200 });
  });
  server.EventSource = class {
    constructor(url) {
      this.url = url;
      this.readyState = 1;
      this.listeners = {};
      server.streams.push(this);
      queueMicrotask(() => this.onopen?.());
    }
    addEventListener(type, listener) {
      this.listeners[type] = listener;
    }
    push(change) {
      this.listeners.change?.({ data: JSON.stringify(change) });
    }
    close() {
      this.readyState = 2;
    }
  };
  return server;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const open = (server) => createSharedStore({ spec, storage: window.localStorage, endpoint: "http://app.test/_data/", fetch: server.fetch, EventSource: server.EventSource });

afterEach(() => {
  window.localStorage.clear();
  vi.useRealTimers();
});

describe("the shared store", () => {
  it("loads the server's records, writes changes through and applies pushed ones", async () => {
    const server = fakeServer([{ entity: "Item", id: "a1", data: { id: "a1", createdAt: "2026-01-01T00:00:00Z", name: "Milk", done: false }, seq: 1 }]);
    const store = open(server);
    await settle();
    expect(store.list("Item").map((r) => r.name)).toEqual(["Milk"]);
    expect(store.sync.state).toBe("live");
    expect(server.streams[0].url).toBe("http://app.test/_data/events?after=1");

    const bread = store.create("Item", { name: "Bread" });
    await settle();
    expect(server.writes).toEqual([{ method: "PUT", path: `records/Item/${bread.id}`, body: { data: expect.objectContaining({ name: "Bread", done: false }) } }]);

    let notified = 0;
    store.subscribe(() => (notified += 1));
    server.streams[0].push({ entity: "Item", id: "a1", data: { id: "a1", name: "Milk", done: true }, seq: 3 });
    expect(store.get("Item", "a1").done).toBe(true);
    expect(notified).toBe(1);
    server.streams[0].push({ entity: "Item", id: "a1", data: null, seq: 4 });
    expect(store.list("Item").map((r) => r.name)).toEqual(["Bread"]);
  });

  it("keeps working offline, says so, and sends what waited when the server is back", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const server = fakeServer();
    server.isUp = false;
    const store = open(server);
    await vi.advanceTimersByTimeAsync(10);
    expect(store.sync.state).toBe("offline");
    store.create("Item", { name: "Eggs" });
    await vi.advanceTimersByTimeAsync(10);
    expect(store.list("Item").map((r) => r.name)).toEqual(["Eggs"]);
    expect(store.sync.pending).toBe(1);
    expect(JSON.parse(window.localStorage.getItem("app:groceries-test:outbox"))).toHaveLength(1);

    server.isUp = true;
    await vi.advanceTimersByTimeAsync(6_000);
    expect(store.sync.state).toBe("live");
    expect(store.sync.pending).toBe(0);
    expect(server.writes.map((w) => [w.method, w.body.data.name])).toEqual([["PUT", "Eggs"]]);
  });

  it("counts a change the server refuses (too large), keeps it here and sends the next ones", async () => {
    const server = fakeServer();
    const fetchOk = server.fetch;
    server.fetch = vi.fn(async (url, init = {}) => (init.method === "PUT" && init.body.includes("Huge") ? new Response("{}", { status: 413 }) : fetchOk(url, init)));
    const store = open(server);
    await settle();
    store.create("Item", { name: "Huge" });
    store.create("Item", { name: "Small" });
    await settle();
    expect(store.sync.refused).toBe(1);
    expect(store.sync.pending).toBe(0);
    expect(store.list("Item").map((r) => r.name)).toEqual(["Huge", "Small"]);
    expect(server.writes.map((w) => w.body.data.name)).toEqual(["Small"]);
  });

  it("brings records of an older version of the app to this one, and moves them on the server", async () => {
    const server = fakeServer([{ entity: "Grocery", id: "g1", data: { id: "g1", createdAt: "2026-01-01T00:00:00Z", name: "Milk" }, seq: 1 }]);
    const renamed = { ...spec, entities: [{ ...spec.entities[0], formerNames: ["Grocery"] }] };
    const store = createSharedStore({ spec: renamed, storage: window.localStorage, endpoint: "http://app.test/_data/", fetch: server.fetch, EventSource: server.EventSource });
    await settle();
    // Under its new name, with the new field's default.
    expect(store.list("Item")).toEqual([expect.objectContaining({ id: "g1", name: "Milk", done: false })]);
    expect(server.writes.map((w) => [w.method, w.path])).toEqual([["PUT", "records/Item/g1"], ["DELETE", "records/Grocery/g1"]]);
  });

  it("works on this device only, and says so, where there is no sharing server", async () => {
    const server = fakeServer();
    server.fetch = vi.fn(async () => new Response("Not found", { status: 404 }));
    const store = open(server);
    await settle();
    expect(store.sync.state).toBe("unavailable");
    store.create("Item", { name: "Tea" });
    expect(store.list("Item").map((r) => r.name)).toEqual(["Tea"]);
    expect(server.fetch).toHaveBeenCalledTimes(1);
  });
});

describe("what the shell says about sync", () => {
  it.each([
    [{ state: "live", pending: 0, refused: 0 }, "Shared: changes show on every device at once"],
    [{ state: "offline", pending: 2, refused: 0 }, "Offline: changes are kept on this device and sync when the connection is back (2 changes waiting)"],
    [{ state: "unavailable", pending: 0, refused: 0 }, "Not shared here: this copy of the app has no server to sync with, so its data stays on this device"],
    [{ state: "live", pending: 0, refused: 1 }, "Shared: changes show on every device at once; 1 change was too large to share and stays on this device"],
  ])("%o → %s", (sync, text) => {
    expect(syncText(sync)).toBe(text);
  });
});
