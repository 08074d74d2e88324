// Data layer: validated records per entity, persisted to localStorage under a per-app key.
// Falls back to memory when storage is unavailable (private mode, quota, sandboxed iframes).
import { entities, entityByName, parentKey, storageKey } from "./schema.js";

const VERSION = 1;

export class ValidationError extends Error {
  constructor(errors) {
    super(Object.values(errors)[0] || "Invalid record");
    this.name = "ValidationError";
    this.errors = errors;
  }
}

export function createMemoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

function browserStorage() {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    storage.setItem("__probe__", "1");
    storage.removeItem("__probe__");
    return storage;
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(value) {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Coerces one raw value (usually a form string) to the field's type, or returns an error message. */
export function coerceField(field, raw) {
  if (field.type === "boolean") return { value: raw === true || raw === "true" || raw === "on" || raw === 1 };
  if (isEmpty(raw)) return field.required ? { error: field.label + " is required" } : { value: null };
  const text = String(raw).trim();
  switch (field.type) {
    case "number": {
      const n = typeof raw === "number" ? raw : Number(text);
      return Number.isFinite(n) ? { value: n } : { error: field.label + " must be a number" };
    }
    case "date":
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? { value: text } : { error: field.label + " must be a date (YYYY-MM-DD)" };
    case "email":
      return EMAIL.test(text) ? { value: text.slice(0, 200) } : { error: "Enter a valid email address" };
    case "url":
      try {
        const url = new URL(text);
        if (url.protocol === "http:" || url.protocol === "https:") return { value: url.href.slice(0, 500) };
      } catch {
        // fall through to the error below
      }
      return { error: field.label + " must start with http:// or https://" };
    case "enum":
      return (field.options || []).includes(text) ? { value: text } : { error: field.label + " must be one of: " + (field.options || []).join(", ") };
    case "text":
      return { value: text.slice(0, 5000) };
    default:
      return { value: text.slice(0, 500) };
  }
}

export function createStore(options = {}) {
  const namespace = options.namespace || storageKey;
  let storage = options.storage === undefined ? browserStorage() : options.storage;
  let persistent = Boolean(storage);
  if (!storage) storage = createMemoryStorage();
  const listeners = new Set();
  let state = load();

  function emptyState() {
    return { version: VERSION, tables: {}, nextId: {}, prefs: {} };
  }

  function load() {
    try {
      const raw = storage.getItem(namespace);
      const parsed = raw ? JSON.parse(raw) : null;
      if (parsed && parsed.version === VERSION && typeof parsed.tables === "object") {
        return { ...emptyState(), ...parsed };
      }
    } catch {
      // Corrupt or unreadable data: start fresh rather than break the app.
    }
    return emptyState();
  }

  function save() {
    try {
      storage.setItem(namespace, JSON.stringify(state));
    } catch {
      // Quota exceeded or storage revoked: keep working in memory for this session.
      persistent = false;
      storage = createMemoryStorage();
    }
    listeners.forEach((listener) => listener());
  }

  function requireEntity(name) {
    const entity = entityByName(name);
    if (!entity) throw new Error("Unknown entity: " + name);
    return entity;
  }

  function table(name) {
    return state.tables[name] || (state.tables[name] = []);
  }

  function validate(entity, input) {
    const values = {};
    const errors = {};
    for (const field of entity.fields) {
      const result = coerceField(field, input[field.name]);
      if (result.error) errors[field.name] = result.error;
      else values[field.name] = result.value;
    }
    for (const parent of entity.parents) {
      const key = parentKey(parent);
      const raw = input[key];
      if (isEmpty(raw)) values[key] = null;
      else if (table(parent).some((r) => r.id === Number(raw))) values[key] = Number(raw);
      else errors[key] = "Choose an existing " + requireEntity(parent).label.toLowerCase();
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return values;
  }

  function removeCascade(name, id) {
    state.tables[name] = table(name).filter((r) => r.id !== id);
    for (const child of entities) {
      if (!child.parents.includes(name)) continue;
      const key = parentKey(name);
      for (const record of table(child.name).filter((r) => r[key] === id)) removeCascade(child.name, record.id);
    }
  }

  return {
    get isPersistent() {
      return persistent;
    },
    list(name) {
      requireEntity(name);
      return table(name).map((r) => ({ ...r }));
    },
    get(name, id) {
      const record = table(name).find((r) => r.id === Number(id));
      return record ? { ...record } : null;
    },
    create(name, input, now = new Date().toISOString()) {
      const entity = requireEntity(name);
      const values = validate(entity, input || {});
      const id = (state.nextId[name] || 1);
      state.nextId[name] = id + 1;
      const record = { id, ...values, createdAt: now, updatedAt: now };
      table(name).push(record);
      save();
      return { ...record };
    },
    update(name, id, input, now = new Date().toISOString()) {
      const entity = requireEntity(name);
      const existing = table(name).find((r) => r.id === Number(id));
      if (!existing) throw new Error(entity.label + " " + id + " not found");
      const values = validate(entity, { ...existing, ...input });
      Object.assign(existing, values, { updatedAt: now });
      save();
      return { ...existing };
    },
    remove(name, id) {
      requireEntity(name);
      removeCascade(name, Number(id));
      save();
    },
    /** Loads seed data (ids local to the seed file), remapping parent references to new ids. */
    importSeed(seed) {
      // Parents before children, whatever order the schema lists them in.
      const ordered = [];
      const visit = (entity, path) => {
        if (!entity || ordered.includes(entity) || path.includes(entity)) return;
        for (const parent of entity.parents) visit(entityByName(parent), [...path, entity]);
        ordered.push(entity);
      };
      entities.forEach((entity) => visit(entity, []));
      const idMaps = {};
      for (const entity of ordered) {
        idMaps[entity.name] = {};
        for (const raw of (seed && seed[entity.name]) || []) {
          const input = { ...raw };
          for (const parent of entity.parents) {
            const key = parentKey(parent);
            input[key] = idMaps[parent] && idMaps[parent][raw[key]] !== undefined ? idMaps[parent][raw[key]] : null;
          }
          idMaps[entity.name][raw.id] = this.create(entity.name, input).id;
        }
      }
    },
    getPref(key, fallback) {
      return Object.prototype.hasOwnProperty.call(state.prefs, key) ? state.prefs[key] : fallback;
    },
    setPref(key, value) {
      state.prefs[key] = value;
      save();
    },
    clear() {
      state = emptyState();
      save();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
