// Wake-ups across processes sharing one PostgreSQL database: ingestion NOTIFYs a channel that
// every worker LISTENs on, so a worker reacts to an event sent by another instance at once
// instead of at its next poll. (Polling remains the fallback; a lost notification only costs
// latency.)
import type pg from "pg";
import type { Db } from "../../db/client";
import { signalWake } from "./wake-signal";

const channel = "epic_executor_wake";

/** Wakes this process's workers and, through NOTIFY, those of other processes. */
export async function notifyWorkers(db: Db): Promise<void> {
  signalWake(db);
  await db.$executeRaw`SELECT pg_notify(${channel}, '')`;
}

/** Calls `onWake` on every notification until the returned stop function is called. */
export function listenForWakeUps(pool: pg.Pool, onWake: () => void): () => Promise<void> {
  let client: pg.PoolClient | null = null;
  let onConnectionError: (() => void) | null = null;
  let isStopped = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = async () => {
    try {
      const connected = await pool.connect();
      if (isStopped) {
        connected.release();
        return;
      }
      client = connected;
      onConnectionError = () => {
        // The connection died: drop it and listen again on a new one. Once released it is the
        // pool's again, so only a connection still ours is released here (twice would throw).
        if (client !== connected) return;
        client = null;
        connected.removeListener("notification", onWake);
        connected.release(true);
        scheduleReconnect();
      };
      connected.on("notification", onWake);
      connected.on("error", onConnectionError);
      await connected.query(`LISTEN ${channel}`);
      // Anything sent while we were not listening: look once.
      onWake();
    } catch {
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    if (isStopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, 1000);
    retryTimer.unref();
  };

  void connect();
  return async () => {
    isStopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    const current = client;
    client = null;
    if (current) {
      current.removeListener("notification", onWake);
      await current.query(`UNLISTEN ${channel}`).catch(() => undefined);
      current.release();
      // Only now: until the pool holds it again, our listener is what keeps a dying connection's
      // 'error' from being unhandled (it ignores it, the client being no longer ours).
      if (onConnectionError) current.removeListener("error", onConnectionError);
    }
  };
}
