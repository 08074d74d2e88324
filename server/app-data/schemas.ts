// The contract of a generated app's shared records (server/app-data/): what a record, a write
// and a change look like on the wire, and the bounds every store enforces. Defined once here;
// the handler validates with these and the stores return these shapes.
import { z } from "zod";

export const APP_DATA_LIMITS = {
  /** A write's body: one record. */
  maxBodyBytes: 32 * 1024,
  /** One record's JSON. */
  maxRecordBytes: 16 * 1024,
  /** Live (not deleted) records per app. */
  maxRecords: 2_000,
  /** Open change streams per app and process (a family's phones, a team's laptops). */
  maxStreamsPerStore: 32,
  /** Levels of nesting in a write ({"data": {"tags": [...]}} is 3). */
  maxDepth: 8,
  /** Changes sent per read of the store by a stream. */
  pageSize: 200,
} as const;

/** An entity of the app spec ("Item", "ShoppingTrip"). */
export const ZAppEntityName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/, "expected an entity name (letters and digits)");
/** A record id as the runtime makes them (a UUID, or time-counter-random in base 36). */
export const ZAppRecordId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "expected a record id (letters, digits, - and _)");

const ZJsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(ZJsonValue).max(500), z.record(z.string().max(100), ZJsonValue)]),
);
/** A record's fields: a flat-ish JSON object (field name → value). */
export const ZAppRecordData = z.record(z.string().min(1).max(100), ZJsonValue);

/** PUT …/_data/records/<entity>/<id> */
export const ZAppRecordWrite = z.object({ data: ZAppRecordData }).strict();

/** A record's latest state; `data: null` means it was deleted. `seq` orders every change of one app. */
export type AppRecordChange = { entity: string; id: string; data: Record<string, unknown> | null; seq: number };

/** Every live record of an app, and the seq they are current at (a stream resumes after it). */
export type AppRecordList = { records: AppRecordChange[]; seq: number };

/**
 * Where one kind of deployment keeps its apps' records: the platform's database for previews
 * (prisma-record-store.ts), memory for a QA run (memory-record-store.ts). `scope` is the one app
 * (a project id, a QA check): nothing here ever reads across scopes.
 */
export interface AppRecordStore {
  list(scope: string): Promise<AppRecordList>;
  /** Changes (deletes included) with seq > `afterSeq`, oldest first. */
  changesAfter(scope: string, afterSeq: number, limit: number): Promise<AppRecordChange[]>;
  /** Creates or replaces a record; throws AppDataFullError past maxRecords. */
  put(scope: string, entity: string, id: string, data: Record<string, unknown>): Promise<AppRecordChange>;
  /** Deletes a record (a no-op, returning null, when there is none). */
  remove(scope: string, entity: string, id: string): Promise<AppRecordChange | null>;
  /** Calls `onChange` after each committed change of `scope`; resolves once notifications flow. */
  subscribe(scope: string, onChange: () => void): Promise<() => void>;
}

export class AppDataFullError extends Error {
  constructor() {
    super(`This app keeps at most ${APP_DATA_LIMITS.maxRecords} records: delete some first.`);
  }
}
