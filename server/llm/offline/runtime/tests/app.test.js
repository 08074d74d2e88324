// Tests of this app as its spec describes it (src/spec.js), run with `node --test` and no
// dependencies: every page can be reached and rendered by a module the app ships.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { spec } from "../src/spec.js";

test("every page has its own address and something to show", () => {
  const paths = spec.pages.map((page) => page.path);
  assert.equal(new Set(paths).size, paths.length, "page paths are unique");
  for (const page of spec.pages) {
    assert.match(page.path, /^\/[a-z0-9\-/]*$/, page.title);
    assert.ok(page.title.trim(), "every page has a title for the navigation");
  }
});

test("the app ships a module for every kind of section it shows", () => {
  for (const page of spec.pages) {
    for (const section of page.sections) {
      assert.ok(existsSync(new URL("../src/sections/" + section.type + ".js", import.meta.url)), page.title + ": " + section.type);
    }
  }
});
