// Small settings and progress that are not records: a timer's lengths, today's pomodoro count, a
// flashcard deck's schedule, a recipe's ingredients, the next quiz round. They live beside the
// app's records under "<storage key>.prefs" (the records' own key holds { version, entities }
// only), so they survive new versions of the app just as the records do, and fall back to memory
// when storage is unavailable.

/** @typedef {{ getItem(key: string): string | null, setItem(key: string, value: string): void }} KeyValueStorage */

/** The project's storage key, as the store uses it: the plan's, else a slug of the app's name. */
export function storageKeyOf(spec) {
  const key = spec && spec.storage && spec.storage.key;
  if (key) return key;
  const name = String((spec && (spec.appName || spec.name)) || "app");
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "app";
}

/** @returns {KeyValueStorage | null} */
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

/** In-memory storage for tests and for browsers that refuse localStorage. */
export function createMemoryStorage() {
  /** @type {Map<string, string>} */
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** @type {Map<string, KeyValueStorage>} one memory fallback per key, shared by every section of the page */
const memory = new Map();

/**
 * Settings of one part of the app (`scope`, e.g. "timer/pomodoro"), persisted per project.
 * @param {{ spec: any }} app
 * @param {string} scope
 * @param {KeyValueStorage | null} [storage] defaults to localStorage
 */
export function createPrefs(app, scope, storage) {
  const key = storageKeyOf(app.spec) + ".prefs";
  let backing = storage === undefined ? browserStorage() : storage;
  const persistent = Boolean(backing);
  if (!backing) {
    if (!memory.has(key)) memory.set(key, createMemoryStorage());
    backing = memory.get(key);
  }

  function readAll() {
    try {
      const parsed = JSON.parse(backing.getItem(key) || "{}");
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    } catch {
      // Unreadable settings are not worth breaking the app for: start from the defaults.
      return {};
    }
  }

  return {
    persistent,
    /**
     * @template T
     * @param {string} name
     * @param {T} fallback
     * @returns {T}
     */
    get(name, fallback) {
      const scoped = readAll()[scope];
      return scoped && Object.prototype.hasOwnProperty.call(scoped, name) ? scoped[name] : fallback;
    },
    /** @param {string} name @param {unknown} value */
    set(name, value) {
      const all = readAll();
      all[scope] = { ...(all[scope] || {}), [name]: value };
      try {
        backing.setItem(key, JSON.stringify(all));
      } catch {
        // Quota exceeded or storage revoked: the value is lost on reload, the page keeps working.
      }
    },
  };
}
