// Types of the data engine (engine/store.js, engine/expr.js): stored records and the expression
// language of the app spec (server/plan/app-spec.ts, mirrored here because the runtime is
// type-checked on its own). Not shipped: apps get the .js files only.
import type { AppSpec, Store } from "./app-context";

/** A stored record: id, creation time and the field values (plus any fields kept from older versions). */
export interface StoredRecord {
  id: string;
  /** ISO date-time. */
  createdAt: string;
  [field: string]: unknown;
}

/** What the app's localStorage item holds. */
export interface StoredData {
  version: number;
  entities: Record<string, StoredRecord[]>;
}

export type DateRangeName = "today" | "thisWeek" | "thisMonth" | "thisYear" | "lastNDays" | "lastNWeeks" | "lastNMonths" | "all";
export interface DateRange {
  range: DateRangeName;
  /** For lastN*: how many days, weeks or months, counting the current one. */
  n?: number;
}

export type ConditionOp =
  | "eq" | "neq" | "lt" | "lte" | "gt" | "gte" | "in" | "notIn" | "contains"
  | "isTrue" | "isFalse" | "isEmpty" | "notEmpty"
  | "beforeToday" | "onOrBeforeToday" | "isToday" | "afterToday" | "inRange" | "olderThanDays" | "withinNextDays"
  | "anniversaryInRange" | "anniversaryWithinDays";

export type Scalar = string | number | boolean | null;

export interface Condition {
  field: string;
  op: ConditionOp;
  value?: Scalar | Array<string | number>;
  valueField?: string;
  days?: number;
  period?: DateRange;
}

export type AggregateOp = "count" | "sum" | "avg" | "min" | "max" | "streak";

export type ValueExpr =
  | { field: string }
  | { const: Scalar }
  | { today: true }
  | { op: "add" | "sub" | "mul" | "div" | "min" | "max"; args: [ValueExpr, ValueExpr] }
  | { fn: "daysSince" | "daysUntil" | "yearsSince" | "year" | "dayOfMonth" | "nextAnniversary" | "round1" | "round2" | "percent"; args: ValueExpr[] }
  | { agg: AggregateOp; entity: string; of?: ValueExpr; where?: Condition[]; dateField?: string; unit?: "day" | "week" };

export type Grouping = { field: string } | { dateField: string; bucket: "day" | "week" | "month" | "year" };

export type ValueFormat = "number" | "integer" | "money" | "percent" | "minutes" | "hours" | "date" | "text" | "stars";

/** What expressions are evaluated against: the records, the spec, and the page's "today". */
export interface Scope {
  store: Store;
  spec: AppSpec;
  today: Date;
}

export interface Group {
  /** Stable key: the option, the parent's id, the bucket's first day ("YYYY-MM-DD"), "YYYY-MM" or "YYYY"; "" for records without a value. */
  key: string;
  label: string;
  records: Array<Record<string, unknown>>;
}

export type Value = number | string | boolean | null;
