// An AppRecordStore in memory: QA's (serve-directory.ts), one per QA run, whose scopes are the
// run's checks. Same contract and bounds as the platform's store, so the handler and the runtime
// under test are the real ones; nothing outlives the QA run.
import { APP_DATA_LIMITS, AppDataFullError, type AppRecordChange, type AppRecordStore } from "./schemas";

type Scope = { seq: number; records: Map<string, AppRecordChange>; listeners: Set<() => void> };

export function createMemoryRecordStore(): AppRecordStore {
  const scopes = new Map<string, Scope>();
  const scopeOf = (name: string): Scope => {
    let scope = scopes.get(name);
    if (!scope) {
      scope = { seq: 0, records: new Map(), listeners: new Set() };
      scopes.set(name, scope);
    }
    return scope;
  };
  const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;
  const announce = (scope: Scope) => {
    // After the caller got its answer, as a database notification arrives after the commit.
    queueMicrotask(() => {
      for (const listener of [...scope.listeners]) listener();
    });
  };
  const write = (name: string, entity: string, id: string, data: Record<string, unknown> | null): AppRecordChange => {
    const scope = scopeOf(name);
    scope.seq += 1;
    const change: AppRecordChange = { entity, id, data: data === null ? null : structuredClone(data), seq: scope.seq };
    // Re-inserted so the map stays in seq order (changesAfter reads it in order).
    scope.records.delete(keyOf(entity, id));
    scope.records.set(keyOf(entity, id), change);
    announce(scope);
    return change;
  };
  return {
    async list(name) {
      const scope = scopeOf(name);
      return { records: [...scope.records.values()].filter((r) => r.data !== null).map((r) => structuredClone(r)), seq: scope.seq };
    },
    async changesAfter(name, afterSeq, limit) {
      return [...scopeOf(name).records.values()].filter((r) => r.seq > afterSeq).slice(0, limit).map((r) => structuredClone(r));
    },
    async put(name, entity, id, data) {
      const scope = scopeOf(name);
      const existing = scope.records.get(keyOf(entity, id));
      if (!existing || existing.data === null) {
        const live = [...scope.records.values()].filter((r) => r.data !== null).length;
        if (live >= APP_DATA_LIMITS.maxRecords) throw new AppDataFullError();
      }
      return write(name, entity, id, data);
    },
    async remove(name, entity, id) {
      const existing = scopeOf(name).records.get(keyOf(entity, id));
      if (!existing || existing.data === null) return null;
      return write(name, entity, id, null);
    },
    async subscribe(name, onChange) {
      const scope = scopeOf(name);
      scope.listeners.add(onChange);
      return () => {
        scope.listeners.delete(onChange);
      };
    },
  };
}
