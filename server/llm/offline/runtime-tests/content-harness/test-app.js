// A stand-in for the app shell and the data-core store, shaped like the runtime module contract
// (ISSUE 11: createStore → list/get/create/update/remove/children/subscribe; AppContext → spec,
// store, today, announce, href, navigate, entity). The content sections are tested against it in
// happy-dom and served with it in Chromium until the real shell and store land; it keeps records
// under the plan's storage key the way the contract says ({ version, entities }), validates
// required fields with the contract's ValidationError shape, and nothing more.

export class ValidationError extends Error {
  constructor(errors) {
    super(Object.values(errors)[0] || "Invalid record");
    this.name = "ValidationError";
    this.errors = errors;
  }
}

function storageKey(spec) {
  return (spec.storage && spec.storage.key) || String(spec.appName || "app").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function createTestStore({ spec, storage }) {
  const key = storageKey(spec);
  const listeners = new Set();
  let state;
  try {
    state = JSON.parse(storage.getItem(key) || "null");
  } catch {
    state = null;
  }
  if (!state || typeof state !== "object") state = { version: (spec.storage && spec.storage.version) || 1, entities: {} };
  let counter = 0;
  const entityOf = (name) => {
    const entity = (spec.entities || []).find((e) => e.name === name);
    if (!entity) throw new Error("Unknown entity: " + name);
    return entity;
  };
  const table = (name) => (state.entities[name] ||= []);
  const save = () => {
    storage.setItem(key, JSON.stringify(state));
    for (const listener of listeners) listener();
  };
  const validate = (entity, values) => {
    const errors = {};
    for (const field of entity.fields) {
      const value = values[field.name];
      if (field.required && (value === undefined || value === null || String(value).trim() === "")) errors[field.name] = field.label + " is required";
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
  };
  return {
    persistent: true,
    list: (entity) => table(entityOf(entity).name).slice(),
    get: (entity, id) => table(entity).find((r) => r.id === id) || null,
    create(entity, values) {
      validate(entityOf(entity), values);
      const now = new Date().toISOString();
      counter += 1;
      const record = { id: Date.now().toString(36) + "-" + counter + "-" + Math.random().toString(36).slice(2, 6), createdAt: now, updatedAt: now, ...values };
      table(entity).push(record);
      save();
      return record;
    },
    update(entity, id, patch) {
      const record = table(entity).find((r) => r.id === id);
      if (!record) throw new Error("No such record");
      const next = { ...record, ...patch, updatedAt: new Date().toISOString() };
      validate(entityOf(entity), next);
      Object.assign(record, next);
      save();
      return record;
    },
    remove(entity, id) {
      state.entities[entity] = table(entity).filter((r) => r.id !== id);
      save();
    },
    children: () => [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** An AppContext for `spec` over `storage` (localStorage in a browser, a Map-backed one in tests). */
export function createTestApp({ spec, storage }) {
  const store = createTestStore({ spec, storage });
  const announced = [];
  return {
    spec,
    store,
    today: () => new Date(),
    announce: (message) => announced.push(message),
    announced,
    href: (path) => "#" + path,
    navigate: (path) => {
      location.hash = "#" + path;
    },
    entity: (name) => (spec.entities || []).find((e) => e.name === name) || null,
  };
}

/** Renders `section` the way the shell does: a <section aria-labelledby> with its <h2>. */
export function mountSection(render, section, app, parent = document.body) {
  const section_ = document.createElement("section");
  const heading = document.createElement("h2");
  heading.id = "section-" + Math.random().toString(36).slice(2, 8);
  heading.textContent = section.title || section.type;
  section_.setAttribute("aria-labelledby", heading.id);
  section_.append(heading);
  parent.append(section_);
  const cleanup = render(section_, section, app);
  return { element: section_, cleanup: typeof cleanup === "function" ? cleanup : () => {} };
}
