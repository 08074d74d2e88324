// A minimal stand-in for the app shell (ISSUE 11: the codegen/shell owner writes the real one):
// the app's name in the title and header, nav links per page, hash routing, and each section as a
// <section aria-labelledby> with its <h2>, rendered by its module with render(section, spec, app).
// Records sections get a bare list and form so checks that write records through them can run.
import { spec } from "./spec.js";
import { createTestApp, mountSection } from "./test-app.js";
import { render as flashcards } from "../src/sections/flashcards.js";
import { render as quiz } from "../src/sections/quiz.js";
import { render as timer } from "../src/sections/timer.js";
import { render as tool } from "../src/sections/tool.js";

function records(element, section, app) {
  const entity = app.entity(section.entity);
  const noun = entity.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  const list = document.createElement("ul");
  list.setAttribute("aria-label", entity.pluralLabel);
  const form = document.createElement("form");
  form.setAttribute("aria-label", "Add " + noun);
  const inputs = entity.fields.map((field) => {
    const input = document.createElement("input");
    input.id = "records-" + entity.name + "-" + field.name;
    input.type = field.type === "date" ? "date" : field.type === "number" ? "number" : "text";
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = field.label;
    form.append(label, input);
    return [field.name, input];
  });
  const submit = document.createElement("button");
  submit.type = "submit";
  submit.textContent = "Add " + noun;
  form.append(submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    app.store.create(entity.name, Object.fromEntries(inputs.map(([name, input]) => [name, input.value])));
    form.reset();
  });
  const show = () => list.replaceChildren(...app.store.list(entity.name).map((record) => {
    const item = document.createElement("li");
    item.textContent = String(record[entity.fields[0].name] ?? "");
    return item;
  }));
  element.append(form, list);
  show();
  return app.store.subscribe(show);
}

function notice(element, section) {
  const p = document.createElement("p");
  p.textContent = section.text;
  element.append(p);
}

const renderers = { quiz, flashcards, tool, timer, records, notice };
const app = createTestApp({ spec, storage: localStorage });
const main = document.getElementById("main");
const nav = document.getElementById("nav");
document.getElementById("brand").textContent = spec.appName;
document.getElementById("banner").setAttribute("aria-label", spec.appName);
let cleanups = [];

function show() {
  const path = location.hash.replace(/^#/, "") || "/";
  const page = spec.pages.find((p) => p.path === path) || spec.pages[0];
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  main.replaceChildren();
  document.title = (spec.pages.length > 1 ? page.title + " · " : "") + spec.appName;
  nav.replaceChildren(...spec.pages.map((p) => {
    const link = document.createElement("a");
    link.href = "#" + p.path;
    link.textContent = p.title;
    return link;
  }));
  for (const section of page.sections || []) {
    const render = renderers[section.type];
    if (render) cleanups.push(mountSection(render, section, app, main).cleanup);
  }
}

window.addEventListener("hashchange", show);
show();
