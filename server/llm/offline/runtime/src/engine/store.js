// The generated app's records: one localStorage item per app (`app:<storage.key>`) holding
// `{ version, entities: { [EntityName]: Record[] } }`. The key is stable for the project, so a new
// version of the app finds the user's data; on load the data is migrated to the app's spec without
// ever dropping anything (unknown fields and entities are kept). When storage is unavailable the
// store keeps records in memory and says so (`persistent: false`); the shell shows the warning.
//
// Every change is read-modify-write against storage (another tab may have written since), then
// saved and announced to subscribers; other tabs' writes arrive as `storage` events.

/** @import { AppSpec, EntitySpec, FieldSpec, Store } from "./app-context" */
/** @import { StoredRecord, StoredData } from "./types" */

/** "Member" → "memberId": the field of a child record that holds its parent's id. */
export function parentField(parentName) {
  const name = String(parentName);
  return name.charAt(0).toLowerCase() + name.slice(1) + "Id";
}

/** "BookLoan" → "Book loan" (accepts an entity spec or its name). */
export function singularLabel(entitySpec) {
  const name = typeof entitySpec === "string" ? entitySpec : entitySpec?.name || "";
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2").split(" ");
  return words.map((word, i) => (i === 0 ? word : /^[A-Z]+$/.test(word) && word.length > 1 ? word : word.toLowerCase())).join(" ");
}

/** The text a record is known by: its first field's value, or "Untitled". */
export function recordTitle(record, entitySpec) {
  const first = entitySpec?.fields?.[0];
  const value = record && first ? record[first.name] : null;
  if (Array.isArray(value)) return value.length ? value.join(", ") : "Untitled";
  if (value === null || value === undefined) return "Untitled";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value).trim() || "Untitled";
}

const numberTypes = new Set(["number", "money", "rating"]);

/**
 * A value as its field stores it (see DATA.md): numbers from form text (null when empty or not a
 * number), booleans from checkbox values, "YYYY-MM-DD" dates, string[] for multiple enums, strings
 * trimmed. Unknown field types keep the value.
 * @param {FieldSpec} field
 * @param {unknown} raw
 */
export function coerceValue(field, raw) {
  if (numberTypes.has(field.type)) {
    if (raw === null || raw === undefined || raw === "") return null;
    const n = typeof raw === "number" ? raw : Number(String(raw).trim());
    return Number.isFinite(n) && String(raw).trim() !== "" ? n : null;
  }
  if (field.type === "boolean") return raw === true || raw === "true" || raw === "on" || raw === 1 || raw === "1";
  if (field.type === "enum" && field.multiple) {
    if (raw === null || raw === undefined || raw === "") return [];
    return (Array.isArray(raw) ? raw : [raw]).map(String);
  }
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") {
    const text = field.type === "text" ? raw : raw.trim();
    return text === "" ? null : text;
  }
  return raw;
}

let idCounter = 0;
/** A unique id: a UUID where the browser has one (not on plain-http origins), else time + counter + random. */
export function newId() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") {
    try {
      return c.randomUUID();
    } catch {
      // randomUUID exists but refuses outside secure contexts in some browsers: fall through.
    }
  }
  idCounter += 1;
  return `${Date.now().toString(36)}-${idCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The defaults a new record starts with (fields with a defaultValue; multiple enums start empty). */
function defaultsOf(entitySpec) {
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const field of entitySpec.fields) {
    if (field.defaultValue !== undefined) values[field.name] = coerceValue(field, field.defaultValue);
    else if (field.type === "enum" && field.multiple) values[field.name] = [];
  }
  return values;
}

function renameOption(value, renames) {
  if (Array.isArray(value)) {
    const renamed = value.map((v) => (typeof v === "string" && Object.hasOwn(renames, v) ? renames[v] : v));
    return [...new Set(renamed)];
  }
  return typeof value === "string" && Object.hasOwn(renames, value) ? renames[value] : value;
}

/**
 * Brings stored data to the spec: entities under a former name move to the new name (their
 * children's `<former>Id` links follow), new fields get their default, renamed options move,
 * initialRecords are created for entities never stored. Nothing else is touched or dropped.
 * @param {unknown} raw
 * @param {AppSpec} spec
 * @returns {StoredData}
 */
export function migrateData(raw, spec) {
  const source = raw && typeof raw === "object" ? /** @type {any} */ (raw) : {};
  /** @type {Record<string, StoredRecord[]>} */
  const entities = {};
  for (const [name, list] of Object.entries(source.entities && typeof source.entities === "object" ? source.entities : {})) {
    entities[name] = Array.isArray(list) ? list.filter((r) => r && typeof r === "object").map((r) => ({ ...r })) : [];
  }
  const specEntities = spec.entities || [];

  // Former names first, so links and defaults below see the records under their new names.
  /** @type {Array<[string, string]>} */
  const renamedEntities = [];
  for (const entity of specEntities) {
    for (const former of /** @type {string[]} */ (entity.formerNames || [])) {
      if (former === entity.name || !entities[former]) continue;
      entities[entity.name] = [...(entities[entity.name] || []), ...entities[former]];
      delete entities[former];
      renamedEntities.push([former, entity.name]);
    }
  }
  for (const [former, current] of renamedEntities) {
    const from = parentField(former);
    const to = parentField(current);
    for (const list of Object.values(entities)) {
      for (const record of list) {
        if (record[from] !== undefined && record[to] === undefined) {
          record[to] = record[from];
          delete record[from];
        }
      }
    }
  }

  for (const entity of specEntities) {
    if (!entities[entity.name]) {
      const initial = /** @type {Array<Record<string, unknown>>} */ (entity.initialRecords || []);
      entities[entity.name] = initial.map((values) => buildRecord(entity, values));
      continue;
    }
    for (const record of entities[entity.name]) {
      if (typeof record.id !== "string" || !record.id) record.id = record.id === undefined || record.id === null || record.id === "" ? newId() : String(record.id);
      if (typeof record.createdAt !== "string") record.createdAt = new Date().toISOString();
      for (const field of entity.fields) {
        if (record[field.name] === undefined && field.defaultValue !== undefined) record[field.name] = coerceValue(field, field.defaultValue);
        const renames = /** @type {Record<string, string> | undefined} */ (field.optionRenames);
        if (renames && record[field.name] !== undefined) record[field.name] = renameOption(record[field.name], renames);
      }
    }
  }
  return { version: spec.storage?.version ?? 1, entities };
}

/**
 * A new record of `entity` from form values: coerced per field, defaults for what is missing,
 * values for fields the spec does not know (parent links, extra data) kept as given. A string
 * `id`/`createdAt` in the values is kept (restoring a deleted record).
 * @param {EntitySpec} entity
 * @param {Record<string, unknown>} values
 * @returns {StoredRecord}
 */
function buildRecord(entity, values) {
  const record = { id: newId(), createdAt: new Date().toISOString(), ...defaultsOf(entity) };
  for (const [name, value] of Object.entries(values || {})) {
    if (name === "id" || name === "createdAt") {
      // A record brought back (undo of a delete) keeps its id and time, so its children find it again.
      if (typeof value === "string" && value) record[name] = value;
      continue;
    }
    const field = entity.fields.find((f) => f.name === name);
    if (field) {
      if (value !== undefined) record[name] = coerceValue(field, value);
    } else record[name] = value;
  }
  return record;
}

/** The browser's localStorage, or null where touching it throws (sandboxed frames, privacy modes). */
function defaultStorage() {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The storage key of an app: stable for the project. */
export function storageKeyOf(spec) {
  const key = spec.storage?.key || String(spec.appName || "app").toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `app:${key}`;
}

/**
 * The app's store (interface Store in app-context.d.ts).
 * @param {{ spec: AppSpec, storage?: Storage | null }} options
 * @returns {Store}
 */
export function createStore({ spec, storage }) {
  const key = storageKeyOf(spec);
  /** @type {Storage | null} */
  let area = storage === undefined ? defaultStorage() : storage;
  /** @type {Set<() => void>} */
  const listeners = new Set();

  /** Reads and migrates what storage holds; throws when storage does. */
  function readStored() {
    const text = area.getItem(key);
    if (text === null) return { data: migrateData(null, spec), changed: true };
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not ours to discard: keep the unreadable text beside the fresh start.
      area.setItem(`${key}:unreadable:${Date.now()}`, text);
      parsed = null;
    }
    const data = migrateData(parsed, spec);
    return { data, changed: JSON.stringify(data) !== text };
  }

  /** @type {StoredData} */
  let data;
  let persistent = area !== null;
  if (area) {
    try {
      const loaded = readStored();
      data = loaded.data;
      if (loaded.changed) area.setItem(key, JSON.stringify(data));
    } catch {
      persistent = false;
    }
  }
  if (!persistent) {
    area = null;
    data = data || migrateData(null, spec);
  }

  function entitySpecOf(name) {
    const entity = (spec.entities || []).find((e) => e.name === name);
    if (!entity) throw new Error(`Unknown entity: ${name}`);
    return entity;
  }

  function notify() {
    for (const listener of [...listeners]) listener();
  }

  /** Applies a change to the freshest data (another tab may have written), saves it and tells subscribers. */
  function mutate(change) {
    if (area) {
      try {
        data = readStored().data;
      } catch {
        // Keep working from memory; the save below decides whether storage still works.
      }
    }
    const result = change(data);
    if (area) {
      try {
        area.setItem(key, JSON.stringify(data));
      } catch {
        // Full or gone: the change stays in memory for this page.
        persistent = false;
      }
    }
    notify();
    return result;
  }

  const onStorage = (event) => {
    if (event.key !== null && event.key !== key) return;
    if (event.storageArea && area && event.storageArea !== area) return;
    if (!area) return;
    try {
      data = readStored().data;
    } catch {
      return;
    }
    notify();
  };

  /** Sections get copies: changing one must go through update(). */
  const copy = (record) => {
    const result = { ...record };
    for (const [name, value] of Object.entries(result)) if (Array.isArray(value)) result[name] = [...value];
    return result;
  };
  const recordsOf = (entity) => data.entities[entity] || [];

  return {
    get persistent() {
      return persistent;
    },
    list(entity) {
      return recordsOf(entity).map(copy);
    },
    get(entity, id) {
      const record = recordsOf(entity).find((r) => r.id === id);
      return record ? copy(record) : null;
    },
    create(entity, values) {
      const entitySpec = entitySpecOf(entity);
      return mutate((d) => {
        const list = d.entities[entity] || [];
        const record = buildRecord(entitySpec, values);
        if (list.some((r) => r.id === record.id)) record.id = newId();
        d.entities[entity] = [...list, record];
        return copy(record);
      });
    },
    update(entity, id, patch) {
      const entitySpec = entitySpecOf(entity);
      return mutate((d) => {
        const list = d.entities[entity] || [];
        const index = list.findIndex((r) => r.id === id);
        if (index < 0) throw new Error(`No ${singularLabel(entitySpec).toLowerCase()} with id ${id}`);
        const next = { ...list[index] };
        for (const [name, value] of Object.entries(patch || {})) {
          if (name === "id" || name === "createdAt") continue;
          const field = entitySpec.fields.find((f) => f.name === name);
          next[name] = field ? coerceValue(field, value) : value;
        }
        d.entities[entity] = list.map((r, i) => (i === index ? next : r));
        return copy(next);
      });
    },
    remove(entity, id) {
      entitySpecOf(entity);
      // Children are left as they are (never drop data): an undo re-creating the parent finds them.
      mutate((d) => {
        d.entities[entity] = (d.entities[entity] || []).filter((r) => r.id !== id);
      });
    },
    children(entity, parentEntity, parentId) {
      const link = parentField(parentEntity);
      return recordsOf(entity)
        .filter((r) => r[link] === parentId)
        .map(copy);
    },
    applyRemote(changes, options) {
      // Records another device wrote (engine/shared-store.js): one save, one notification. With
      // `replace`, the given records are all there is of each entity the spec knows.
      // They may come from another version of the app: migrateData brings them to this spec
      // (former entity names, new fields' defaults, renamed options), as it does stored data.
      mutate((d) => {
        if (options && options.replace) {
          for (const entity of spec.entities || []) d.entities[entity.name] = [];
          for (const change of changes) d.entities[change.entity] = [];
        }
        for (const change of changes) {
          const list = d.entities[change.entity] || [];
          const rest = list.filter((r) => r.id !== change.id);
          if (change.data === null) d.entities[change.entity] = rest;
          else {
            const index = list.findIndex((r) => r.id === change.id);
            const record = { ...change.data, id: change.id };
            d.entities[change.entity] = index < 0 ? [...list, record] : list.map((r, i) => (i === index ? record : r));
          }
        }
        d.entities = migrateData(d, spec).entities;
      });
    },
    subscribe(listener) {
      if (listeners.size === 0 && typeof window !== "undefined") window.addEventListener("storage", onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && typeof window !== "undefined") window.removeEventListener("storage", onStorage);
      };
    },
  };
}
