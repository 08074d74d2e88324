// The platform's AppRecordStore: a project's app records in the database (AppDataStore,
// AppRecord), scoped by project id. Each write numbers itself from the project's counter and
// issues pg_notify inside its transaction, so a notification exists only for committed changes
// and reaches every instance (LISTEN/NOTIFY on PostgreSQL, in-process on PGlite) — the run
// events' bus (server/runs/run-event-bus.ts) on a channel of its own.
import { Prisma } from "../db/generated/client";
import type { Db } from "../db";
import type { RunEventBus } from "../runs/run-event-bus";
import { APP_DATA_LIMITS, AppDataFullError, type AppRecordChange, type AppRecordStore } from "./schemas";

export const APP_RECORDS_CHANNEL = "app_records";

/** Tombstones older than this are purged: a device away longer re-reads the whole list on reconnect anyway. */
const TOMBSTONE_DAYS = 1;

type Row = { entity: string; recordId: string; data: Prisma.JsonValue; seq: number };
const select = { entity: true, recordId: true, data: true, seq: true } as const;
const toChange = (row: Row): AppRecordChange => ({ entity: row.entity, id: row.recordId, data: (row.data ?? null) as Record<string, unknown> | null, seq: row.seq });

export function createPrismaRecordStore(db: Db, bus: RunEventBus): AppRecordStore {
  /** Takes the project's next seq (locking its counter row for the transaction) and announces it at commit. */
  async function nextSeq(tx: Prisma.TransactionClient, projectId: string): Promise<number> {
    const { lastSeq } = await tx.appDataStore.upsert({
      where: { projectId },
      create: { projectId, lastSeq: 1 },
      update: { lastSeq: { increment: 1 } },
      select: { lastSeq: true },
    });
    await tx.$executeRaw`SELECT pg_notify(${APP_RECORDS_CHANNEL}, ${`${projectId}:${lastSeq}`})`;
    return lastSeq;
  }

  return {
    async list(projectId) {
      const [store, rows] = await db.$transaction(
        [
          db.appDataStore.findUnique({ where: { projectId }, select: { lastSeq: true } }),
          db.appRecord.findMany({ where: { projectId, deletedAt: null }, orderBy: { seq: "asc" }, take: APP_DATA_LIMITS.maxRecords, select }),
        ],
        { isolationLevel: "RepeatableRead" },
      );
      // One snapshot, so the list and its seq agree: a stream opened after it misses nothing.
      return { records: rows.map(toChange), seq: store?.lastSeq ?? 0 };
    },
    async changesAfter(projectId, afterSeq, limit) {
      const rows = await db.appRecord.findMany({ where: { projectId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit, select });
      return rows.map(toChange);
    },
    async put(projectId, entity, recordId, data) {
      return db.$transaction(async (tx) => {
        const seq = await nextSeq(tx, projectId);
        const key = { projectId_entity_recordId: { projectId, entity, recordId } };
        const existing = await tx.appRecord.findUnique({ where: key, select: { deletedAt: true } });
        if (!existing || existing.deletedAt) {
          const live = await tx.appRecord.count({ where: { projectId, deletedAt: null } });
          if (live >= APP_DATA_LIMITS.maxRecords) throw new AppDataFullError();
        }
        const json = data as Prisma.InputJsonObject;
        const row = await tx.appRecord.upsert({
          where: key,
          create: { projectId, entity, recordId, data: json, seq },
          update: { data: json, seq, deletedAt: null },
          select,
        });
        return toChange(row);
      });
    },
    async remove(projectId, entity, recordId) {
      return db.$transaction(async (tx) => {
        const key = { projectId_entity_recordId: { projectId, entity, recordId } };
        const existing = await tx.appRecord.findUnique({ where: key, select: { deletedAt: true } });
        if (!existing || existing.deletedAt) return null;
        const seq = await nextSeq(tx, projectId);
        const row = await tx.appRecord.update({ where: key, data: { data: Prisma.DbNull, seq, deletedAt: new Date() }, select });
        await tx.appRecord.deleteMany({ where: { projectId, deletedAt: { lt: new Date(Date.now() - TOMBSTONE_DAYS * 86_400_000) } } });
        return toChange(row);
      });
    },
    async subscribe(projectId, onChange) {
      return bus.subscribe(projectId, () => onChange());
    },
  };
}
