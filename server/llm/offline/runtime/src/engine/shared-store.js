// The store of an app whose data is shared between devices (the spec's `sharing`): the local
// store (engine/store.js) stays the app's working copy — so the app opens and works offline —
// and this layer keeps it in step with the app's server, on the same origin under `_data/`
// (server/app-data/ on the platform):
//   - on start, the server's records replace the local copy (a store never written gets this
//     device's records instead, so a list begun on one phone becomes the shared one);
//   - every change made here is written through (PUT / DELETE), queued in an outbox kept in
//     localStorage while the server cannot be reached, and sent when it can;
//   - other devices' changes arrive over server-sent events and are applied at once.
// `store.sync` says where things stand; the shell shows it (engine/app.js).

import { createStore, storageKeyOf } from "./store.js";

/** @import { AppSpec, RemoteChange, Store, SyncStatus } from "./app-context" */

/** The endpoint beside the app: `<app>/_data/`, whatever folder the app is served from. */
function endpointOf() {
  try {
    const base = new URL("_data/", document.baseURI);
    return /^https?:$/.test(base.protocol) ? base.href : null;
  } catch {
    return null;
  }
}

function defaultStorage() {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}

const retryMs = [1000, 2000, 5000, 10000, 20000];

/**
 * @param {{ spec: AppSpec, storage?: Storage | null, endpoint?: string | null, fetch?: typeof fetch, EventSource?: typeof EventSource }} options
 * @returns {Store}
 */
export function createSharedStore(options) {
  const { spec } = options;
  const local = createStore(options.storage === undefined ? { spec } : { spec, storage: options.storage });
  const endpoint = options.endpoint === undefined ? endpointOf() : options.endpoint;
  const doFetch = options.fetch || (typeof fetch === "function" ? fetch.bind(globalThis) : null);
  const Source = options.EventSource || (typeof EventSource === "function" ? EventSource : null);
  const area = options.storage === undefined ? defaultStorage() : options.storage;
  const outboxKey = storageKeyOf(spec) + ":outbox";

  /** @type {Set<() => void>} */
  const statusListeners = new Set();
  /** @type {SyncStatus} */
  const status = {
    state: endpoint && doFetch && Source ? "connecting" : "unavailable",
    pending: 0,
    refused: 0,
    // Apart from the records' subscribers: a status change must not re-render what someone is typing in.
    subscribe(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
  /** Changes not yet acknowledged by the server, by "<entity>/<id>" (the latest one wins). @type {Map<string, RemoteChange>} */
  const outbox = new Map();
  try {
    const saved = area ? JSON.parse(area.getItem(outboxKey) || "[]") : [];
    for (const change of Array.isArray(saved) ? saved : []) outbox.set(change.entity + "/" + change.id, change);
  } catch {
    // An unreadable outbox is dropped; the records themselves are still in the local copy.
  }
  let isFlushing = false;
  let retryTimer = 0;
  let failures = 0;
  /** @type {EventSource | null} */
  let source = null;

  function setStatus(state) {
    status.pending = outbox.size;
    status.state = state;
    for (const listener of [...statusListeners]) listener();
  }
  function saveOutbox() {
    status.pending = outbox.size;
    try {
      if (area) area.setItem(outboxKey, JSON.stringify([...outbox.values()]));
    } catch {
      // Full: the outbox lives in memory for this page.
    }
  }

  function offlineThenRetry() {
    setStatus(status.state === "unavailable" ? "unavailable" : "offline");
    clearTimeout(retryTimer);
    const wait = retryMs[Math.min(failures, retryMs.length - 1)];
    failures += 1;
    retryTimer = window.setTimeout(() => void connect(), wait);
  }

  /** Sends the outbox, oldest first; stops at the first failure (the retry sends the rest). */
  async function flush() {
    if (isFlushing || !endpoint || !doFetch || status.state === "unavailable") return;
    isFlushing = true;
    try {
      for (const [key, change] of outbox) {
        const url = endpoint + "records/" + encodeURIComponent(change.entity) + "/" + encodeURIComponent(change.id);
        const response = await doFetch(url, change.data === null
          ? { method: "DELETE" }
          : { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ data: change.data }) });
        if (response.status >= 500 || response.status === 429) throw new Error("server busy");
        // A change the server refuses (too big, too many records) would be refused forever: it stays on this device only.
        if (!response.ok) status.refused += 1;
        if (outbox.get(key) === change) outbox.delete(key);
        saveOutbox();
      }
      failures = 0;
      if (status.state !== "live" && source && source.readyState === 1) setStatus("live");
      else setStatus(status.state);
    } catch {
      saveOutbox();
      offlineThenRetry();
    } finally {
      isFlushing = false;
    }
  }

  /** A change made on this device: keep it in the outbox (replacing an older one of the same record) and send it. */
  function push(entity, id, data) {
    outbox.set(entity + "/" + id, { entity, id, data });
    saveOutbox();
    void flush();
  }

  /** Applies changes from the server, except to records this device changed and has not sent yet (its change wins). */
  function applyFromServer(changes, replace) {
    const own = changes.filter((change) => !outbox.has(change.entity + "/" + change.id));
    if (replace) {
      // Records changed here and not yet sent stay as they are here.
      for (const change of outbox.values()) {
        if (change.data !== null) own.push(change);
      }
    }
    local.applyRemote(own, { replace });
  }

  /** Loads the server's records, then follows its changes; on any failure, works offline and tries again. */
  async function connect() {
    if (!endpoint || !doFetch || !Source) return;
    clearTimeout(retryTimer);
    if (source) source.close();
    source = null;
    let listed;
    try {
      const response = await doFetch(endpoint + "records", { headers: { Accept: "application/json" } });
      if (response.status === 404 || response.status === 405) {
        // No sharing server where the app runs (a static host): it works on this device only.
        setStatus("unavailable");
        return;
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      listed = await response.json();
    } catch {
      offlineThenRetry();
      return;
    }
    if (listed.seq === 0) {
      // A shared store never written: this device's records start it.
      for (const entity of spec.entities || []) {
        for (const record of local.list(entity.name)) {
          if (!outbox.has(entity.name + "/" + record.id)) outbox.set(entity.name + "/" + record.id, { entity: entity.name, id: String(record.id), data: record });
        }
      }
      saveOutbox();
    } else {
      applyFromServer(listed.records, true);
      // Records under a name this version of the app renamed (a follow-up): the local copy has
      // moved them (migrateData); move them on the server too, links included, once.
      const former = listed.records.filter((r) => r.data !== null && (spec.entities || []).some((e) => Array.isArray(e.formerNames) && e.formerNames.includes(r.entity)));
      if (former.length) {
        for (const entity of spec.entities || []) {
          for (const record of local.list(entity.name)) outbox.set(entity.name + "/" + record.id, { entity: entity.name, id: String(record.id), data: record });
        }
        for (const record of former) outbox.set(record.entity + "/" + record.id, { entity: record.entity, id: record.id, data: null });
        saveOutbox();
      }
    }
    const stream = new Source(endpoint + "events?after=" + encodeURIComponent(String(listed.seq)));
    source = stream;
    stream.addEventListener("change", (event) => {
      let change;
      try {
        change = JSON.parse(/** @type {MessageEvent} */ (event).data);
      } catch {
        return;
      }
      applyFromServer([change], false);
    });
    stream.onopen = () => {
      failures = 0;
      setStatus("live");
      void flush();
    };
    stream.onerror = () => {
      if (source !== stream) return;
      // EventSource reconnects by itself (resuming after its last id); a closed one is reopened from scratch.
      if (stream.readyState === 2) offlineThenRetry();
      else setStatus("offline");
    };
    void flush();
  }

  if (typeof window !== "undefined") {
    window.addEventListener("online", () => void connect());
    window.addEventListener("offline", () => setStatus(status.state === "unavailable" ? "unavailable" : "offline"));
  }
  void connect();

  return {
    get persistent() {
      return local.persistent;
    },
    sync: status,
    list: (entity) => local.list(entity),
    get: (entity, id) => local.get(entity, id),
    children: (entity, parentEntity, parentId) => local.children(entity, parentEntity, parentId),
    create(entity, values) {
      const record = local.create(entity, values);
      push(entity, String(record.id), record);
      return record;
    },
    update(entity, id, patch) {
      const record = local.update(entity, id, patch);
      push(entity, String(record.id), record);
      return record;
    },
    remove(entity, id) {
      local.remove(entity, id);
      push(entity, String(id), null);
    },
    applyRemote: (changes, applyOptions) => local.applyRemote(changes, applyOptions),
    subscribe: (listener) => local.subscribe(listener),
  };
}
