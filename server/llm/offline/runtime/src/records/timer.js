// A start/stop timer on each record (an entity's `timer`, server/plan/plan-schema.ts): "a timer
// per client". Start keeps the start time on the record itself (`timerStartedAt`, in the app's
// store), so a reload, another tab or tomorrow still finds it running; the elapsed time ticks on
// screen. Stop logs the time as a record of the timer's entity (a time entry) belonging to this
// record, dated the day it stopped, with the elapsed hours to the hundredth, so it counts in
// whatever the app works out from entries (hours this week, earnings). One timer runs at a time,
// as a freelancer works on one thing at a time: starting another stops the running one and logs it.
// Names follow /work/coord/DATA.md: buttons "Start timer <title>" / "Stop timer <title>", the
// running time a `timer` role named "Time on <title>".
import { h } from "../lib/dom.js";
import { isoDay } from "./fields.js";
import { parentField } from "./names.js";

/** @import { AppContext, EntitySpec } from "../engine/app-context" */

/** The record's field holding when its timer started (an ISO instant), or null when stopped. */
export const startedField = "timerStartedAt";

/** Hours between the start and now, to the hundredth (90 minutes → 1.5). */
export function elapsedHours(/** @type {string} */ startedAt, /** @type {number} */ now) {
  const ms = Math.max(0, now - Date.parse(startedAt));
  return Math.round((ms / 3_600_000) * 100) / 100;
}

/** "1:30:05": hours, minutes and seconds since the start. */
export function clockText(/** @type {string} */ startedAt, /** @type {number} */ now) {
  const seconds = Math.floor(Math.max(0, now - Date.parse(startedAt)) / 1000);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return Math.floor(seconds / 3600) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
}

/**
 * The timer controls of an entity's records, or null when the entity has no timer.
 * @param {EntitySpec} entity
 * @param {AppContext} app
 */
export function recordTimers(entity, app) {
  const timer = entity.timer;
  if (!timer) return null;
  const { store } = app;
  const now = () => app.today().getTime();
  /** When the record's timer started, or null: read from the stored record, never kept only in the page. */
  const running = (/** @type {Record<string, unknown>} */ record) => (typeof record[startedField] === "string" ? String(record[startedField]) : null);

  /** Stops the record's timer and logs the elapsed hours as an entry; a start under a minute ago logs nothing. */
  function stop(/** @type {Record<string, unknown>} */ record) {
    const startedAt = running(record);
    if (!startedAt) return;
    const at = now();
    const hours = elapsedHours(startedAt, at);
    store.update(entity.name, String(record.id), { [startedField]: null });
    if (hours <= 0) return app.announce("Timer stopped: too short to log");
    /** @type {Record<string, unknown>} */
    const entry = { [timer.hoursField]: hours, [timer.dateField]: isoDay(new Date(at)), [parentField(entity.name)]: record.id };
    if (timer.noteField) entry[timer.noteField] = "Timer";
    store.create(timer.entity, entry);
    app.announce("Logged " + hours + " h");
  }

  function start(/** @type {Record<string, unknown>} */ record) {
    for (const other of store.list(entity.name)) if (other.id !== record.id && running(other)) stop(other);
    store.update(entity.name, String(record.id), { [startedField]: new Date(now()).toISOString() });
    app.announce("Timer started");
  }

  /** The running time (when running) and the Start or Stop button of one record. */
  function controls(/** @type {Record<string, unknown>} */ record, /** @type {string} */ title) {
    const startedAt = running(record);
    if (!startedAt) return [h("button", { type: "button", class: "btn btn-small", "aria-label": "Start timer " + title, onClick: () => start(record) }, "Start timer")];
    return [
      h("span", { class: "record-timer", role: "timer", "aria-label": "Time on " + title, "data-started": startedAt }, clockText(startedAt, now())),
      h("button", { type: "button", class: "btn btn-small btn-primary", "aria-label": "Stop timer " + title, onClick: () => stop(store.get(entity.name, String(record.id)) || record) }, "Stop timer"),
    ];
  }

  /** Keeps the running times in `element` ticking each second; returns the stop function. */
  function tick(/** @type {HTMLElement} */ element) {
    const interval = window.setInterval(() => {
      for (const node of element.querySelectorAll("[data-started]")) node.textContent = clockText(String(node.getAttribute("data-started")), now());
    }, 1000);
    return () => window.clearInterval(interval);
  }

  return { controls, tick };
}
