// Tests of the data layer (src/store.js) against this app's schema and seed data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { coerceField, createMemoryStorage, createStore, ValidationError } from "../src/store.js";
import { entities, entityByName, parentKey, storageKey } from "../src/schema.js";

const seed = JSON.parse(readFileSync(new URL("../db/seed.json", import.meta.url), "utf8"));
const fresh = (storage = createMemoryStorage()) => createStore({ namespace: storageKey, storage });
const sample = (entity, i) => {
  const record = { ...seed[entity.name][i] };
  delete record.id;
  for (const parent of entity.parents) record[parentKey(parent)] = null;
  return record;
};

test("the seed data loads and matches the schema", () => {
  const store = fresh();
  store.importSeed(seed);
  for (const entity of entities) {
    assert.equal(store.list(entity.name).length, (seed[entity.name] || []).length, entity.name);
    for (const parent of entity.parents) {
      const parentIds = new Set(store.list(parent).map((r) => r.id));
      for (const record of store.list(entity.name)) assert.ok(parentIds.has(record[parentKey(parent)]), entity.name + " links to an existing " + parent);
    }
  }
});

test("records can be created, listed, updated and removed", () => {
  for (const entity of entities) {
    const store = fresh();
    const created = store.create(entity.name, sample(entity, 0));
    assert.equal(created.id, 1);
    assert.deepEqual(store.list(entity.name).map((r) => r.id), [1]);
    const next = sample(entity, 1)[entity.primary];
    const updated = store.update(entity.name, created.id, { [entity.primary]: next });
    assert.equal(updated[entity.primary], next);
    assert.equal(store.get(entity.name, created.id)[entity.primary], next);
    store.remove(entity.name, created.id);
    assert.equal(store.list(entity.name).length, 0);
  }
});

test("required fields are enforced with a readable message", () => {
  for (const entity of entities) {
    const required = entity.fields.filter((f) => f.required && f.type !== "boolean");
    for (const field of required) {
      const store = fresh();
      const input = sample(entity, 0);
      input[field.name] = "";
      assert.throws(() => store.create(entity.name, input), (error) => {
        assert.ok(error instanceof ValidationError);
        assert.match(error.errors[field.name], /is required|valid email/);
        return true;
      });
    }
  }
});

test("field values are type-checked", () => {
  assert.ok(coerceField({ name: "n", label: "N", type: "number" }, "abc").error);
  assert.equal(coerceField({ name: "n", label: "N", type: "number" }, "4.5").value, 4.5);
  assert.ok(coerceField({ name: "d", label: "D", type: "date" }, "14/03/2025").error);
  assert.ok(coerceField({ name: "e", label: "E", type: "email" }, "not-an-email").error);
  assert.ok(coerceField({ name: "u", label: "U", type: "url" }, "javascript:alert(1)").error);
  assert.ok(coerceField({ name: "s", label: "S", type: "enum", options: ["A"] }, "B").error);
  assert.equal(coerceField({ name: "b", label: "B", type: "boolean" }, "on").value, true);
});

test("data persists across store instances sharing storage", () => {
  const storage = createMemoryStorage();
  const first = fresh(storage);
  first.setPref("greeting", "hello");
  for (const entity of entities) first.create(entity.name, sample(entity, 0));
  const second = fresh(storage);
  assert.equal(second.getPref("greeting"), "hello");
  for (const entity of entities) assert.equal(second.list(entity.name).length, 1);
});

test("apps with different namespaces do not see each other's data", () => {
  const storage = createMemoryStorage();
  const mine = createStore({ namespace: storageKey, storage });
  const other = createStore({ namespace: storageKey + ":other", storage });
  mine.setPref("owner", "me");
  assert.equal(other.getPref("owner", null), null);
});

test("deleting a parent also deletes its children", () => {
  const child = entities.find((e) => e.parents.length > 0);
  if (!child) return;
  const parent = entityByName(child.parents[0]);
  const store = fresh();
  const p = store.create(parent.name, sample(parent, 0));
  store.create(child.name, { ...sample(child, 0), [parentKey(parent.name)]: p.id });
  assert.throws(() => store.create(child.name, { ...sample(child, 0), [parentKey(parent.name)]: 999 }), ValidationError);
  store.remove(parent.name, p.id);
  assert.equal(store.list(child.name).length, 0);
});

test("it keeps working in memory when storage throws", () => {
  const broken = { getItem() { throw new Error("denied"); }, setItem() { throw new Error("denied"); }, removeItem() {} };
  const store = createStore({ namespace: storageKey, storage: broken });
  store.setPref("count", 3);
  assert.equal(store.getPref("count"), 3);
  assert.equal(store.isPersistent, false);
});

test("markup in user text is stored verbatim, as data", () => {
  const entity = entities.find((e) => e.fields.some((f) => f.name === e.primary && (f.type === "string" || f.type === "text")));
  if (!entity) return;
  const store = fresh();
  const text = "<b>bold</b> & \"quotes\"";
  assert.equal(store.create(entity.name, { ...sample(entity, 0), [entity.primary]: text })[entity.primary], text);
});
