// Types of the shell (engine/app.js) and what it hands the section modules (not shipped: apps get the .js files only).
// The app spec is the plan's app spec as data (server/plan/app-spec.ts, written to src/spec.js by
// the generator); sections are typed loosely here and narrowed by each section module.

export interface ThemeSpec {
  colorScheme: "light" | "dark";
  accent: string;
  palette?: string;
  font?: string;
  textScale?: number;
}

export interface FieldSpec {
  name: string;
  label: string;
  type: string;
  required?: boolean;
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  unit?: string;
  defaultValue?: string | number | boolean;
  /** Options are the records of this entity, kept by id (a pick: players for a match). */
  ref?: string;
  /** At most this many options may be chosen. */
  maxChoices?: number;
  [key: string]: unknown;
}

export interface EntitySpec {
  name: string;
  pluralLabel: string;
  fields: FieldSpec[];
  belongsTo: string[];
  computed?: Array<{ name: string; label: string; expr: unknown; format?: string; [key: string]: unknown }>;
  /** A new record is added only when these hold (enough points for a reward); else the message shows. */
  addOnlyWhen?: { conditions: import("./types").Condition[]; message: string };
  /** A start/stop timer on each record that logs the elapsed hours into `entity` (plan-schema.ts). */
  timer?: { entity: string; hoursField: string; dateField: string; noteField?: string };
  [key: string]: unknown;
}

export interface SectionSpec {
  type: string;
  title?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each section module narrows its own section
  [key: string]: any;
}

export interface PageSpec {
  path: string;
  title: string;
  sections: SectionSpec[];
}

export interface AppSpec {
  appName: string;
  theme: ThemeSpec;
  entities: EntitySpec[];
  pages: PageSpec[];
  storage: { key: string; version: number };
  /** Present when the prompt asked for the data to be shared between devices. */
  sharing?: { live: boolean };
  /** A one-page site whose header links jump to its sections. */
  sectionNav?: boolean;
}

/** The data layer (src/engine/store.js, data-core): records per entity in localStorage. */
export interface Store {
  persistent: boolean;
  list(entity: string): Array<Record<string, unknown>>;
  get(entity: string, id: string): Record<string, unknown> | null;
  create(entity: string, values: Record<string, unknown>): Record<string, unknown>;
  update(entity: string, id: string, patch: Record<string, unknown>): Record<string, unknown>;
  remove(entity: string, id: string): void;
  children(entity: string, parentEntity: string, parentId: string): Array<Record<string, unknown>>;
  subscribe(listener: () => void): () => void;
  /** Writes of another device, applied without being sent anywhere (shared apps). */
  applyRemote?(changes: RemoteChange[], options?: { replace?: boolean }): void;
  /** Only for apps whose data is shared between devices (engine/shared-store.js). */
  sync?: SyncStatus;
}

/** A record as the shared-data endpoint sends it; `data: null` is a delete. */
export interface RemoteChange {
  entity: string;
  id: string;
  data: Record<string, unknown> | null;
  seq?: number;
}

/** Where a shared app's data stands: `live` (synced), `connecting`, `offline` (kept here, synced later), `unavailable` (no sharing server where the app runs). */
export interface SyncStatus {
  state: "connecting" | "live" | "offline" | "unavailable";
  /** Changes made here that no other device has yet. */
  pending: number;
  /** Changes the server refused (too large, too many records): they stay on this device only. */
  refused: number;
  /** Called when state or pending change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** What every section module's render() gets besides its element and its section. */
export interface AppContext {
  spec: AppSpec;
  store: Store;
  /** The page's clock: "today" for date filters, streaks and defaults. */
  today(): Date;
  /** Says something to everyone: a visible toast and a polite live region. */
  announce(message: string): void;
  /** The href of an app route ("/loans" → "#/loans"). */
  href(path: string): string;
  navigate(path: string): void;
  entity(name: string): EntitySpec | undefined;
}

export type SectionCleanup = () => void;

export interface SectionModule {
  render(sectionElement: HTMLElement, section: SectionSpec, app: AppContext): SectionCleanup | void | undefined;
}
