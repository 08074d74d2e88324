// Tells subscribers "run X has a new event with seq N". The database is the source of truth:
// appendRunEvent issues pg_notify inside its transaction, so the notification is delivered at
// commit — to every instance on PostgreSQL (LISTEN/NOTIFY), and in-process on PGlite, which
// implements the same LISTEN/NOTIFY. Subscribers re-read events from the table, so a lost or
// duplicated notification can never cause a gap or a duplicate on a stream.
import pg from "pg";
import type { Driver } from "../db/client";

export const RUN_EVENTS_CHANNEL = "run_events";

export type RunEventNotice = { runId: string; seq: number };
type Listener = (notice: RunEventNotice) => void;

export type RunEventBus = {
  /** Resolves once LISTEN is active, so a subscriber that then reads the table misses nothing. */
  subscribe(runId: string, listener: Listener): Promise<() => void>;
  close(): Promise<void>;
};

export function parseNotice(payload: string): RunEventNotice | null {
  const separator = payload.lastIndexOf(":");
  const seq = Number(payload.slice(separator + 1));
  if (separator <= 0 || !Number.isSafeInteger(seq)) return null;
  return { runId: payload.slice(0, separator), seq };
}

/**
 * `channel`: the run events' by default; the shared records of generated apps
 * (server/app-data/) ride the same mechanism on a channel of their own, keyed by project.
 */
export function createRunEventBus(driver: Driver, channel: string = RUN_EVENTS_CHANNEL): RunEventBus {
  const listeners = new Map<string, Set<Listener>>();
  const dispatch = (payload: string) => {
    const notice = parseNotice(payload);
    if (!notice) return;
    for (const listener of listeners.get(notice.runId) ?? []) listener(notice);
  };

  let stopListening: Promise<() => Promise<void>> | undefined;
  const ensureListening = () => {
    const forget = () => {
      stopListening = undefined;
    };
    stopListening ??= (
      driver.kind === "pglite" ? listenOnPglite(driver.pglite, channel, dispatch) : listenOnPostgres(driver.pool, channel, dispatch, forget)
    ).catch((error: unknown) => {
      forget();
      throw error;
    });
    return stopListening;
  };

  return {
    async subscribe(runId, listener) {
      await ensureListening();
      const set = listeners.get(runId) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(runId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(runId);
      };
    },
    async close() {
      listeners.clear();
      if (stopListening) await (await stopListening)();
      stopListening = undefined;
    },
  };
}

async function listenOnPglite(pglite: import("@electric-sql/pglite").PGlite, channel: string, dispatch: (payload: string) => void) {
  const unlisten = await pglite.listen(channel, dispatch);
  return async () => {
    if (!pglite.closed) await unlisten();
  };
}

async function listenOnPostgres(pool: pg.Pool, channel: string, dispatch: (payload: string) => void, onLost: () => void) {
  // A dedicated connection: LISTEN belongs to a session, and pooled connections are shared.
  const client = new pg.Client(pool.options);
  // A dropped connection is re-opened by the next subscriber; streams re-read the table meanwhile.
  client.on("error", onLost);
  client.on("end", onLost);
  await client.connect();
  client.on("notification", (message) => {
    if (message.channel === channel && message.payload) dispatch(message.payload);
  });
  // Channels are constants of this code (never input), so quoting them as identifiers is enough.
  await client.query(`LISTEN "${channel}"`);
  return async () => {
    await client.end().catch(() => {});
  };
}
