// Stopwatch with laps; elapsed time and laps survive a reload.
import { h } from "../../lib/dom.js";
import { pad } from "../../lib/format.js";
import { toolPage } from "./tool-page.js";

function formatElapsed(ms) {
  const cs = Math.floor(ms / 10);
  return pad(Math.floor(cs / 6000)) + ":" + pad(Math.floor(cs / 100) % 60) + "." + pad(cs % 100);
}

export function render(root, { page, store }) {
  const saved = store.getPref("stopwatch", { elapsed: 0, laps: [] });
  let elapsed = saved.elapsed;
  let laps = saved.laps;
  let startedAt = null;
  let timer = null;
  const display = h("p", { class: "clock", role: "timer", "aria-live": "off" });
  const status = h("p", { class: "clock-status", "aria-live": "polite" }, elapsed ? "Paused" : "Ready");
  const lapList = h("ol", { class: "history" });

  const now = () => elapsed + (startedAt === null ? 0 : Date.now() - startedAt);
  const persist = () => store.setPref("stopwatch", { elapsed: now(), laps });
  function show() {
    display.textContent = formatElapsed(now());
    lapList.replaceChildren(...(laps.length ? laps.map((ms, i) => h("li", {}, h("span", {}, "Lap " + (i + 1)), h("span", { class: "mono" }, formatElapsed(ms)))).reverse() : [h("li", { class: "muted" }, "No laps yet")]));
  }
  function start() {
    if (startedAt !== null) return;
    startedAt = Date.now();
    timer = setInterval(show, 50);
    status.textContent = "Running";
  }
  function pause() {
    if (startedAt === null) return;
    elapsed = now();
    startedAt = null;
    clearInterval(timer);
    status.textContent = "Paused";
    persist();
    show();
  }
  function lap() {
    laps = [...laps, now()];
    persist();
    show();
  }
  function reset() {
    clearInterval(timer);
    startedAt = null;
    elapsed = 0;
    laps = [];
    status.textContent = "Ready";
    persist();
    show();
  }

  toolPage(root, page, h("div", { class: "tool-grid" },
    h("section", { class: "card tool-card clock-card" }, display, status,
      h("div", { class: "clock-actions" },
        h("button", { type: "button", class: "btn btn-primary", onClick: start }, "Start"),
        h("button", { type: "button", class: "btn", onClick: pause }, "Pause"),
        h("button", { type: "button", class: "btn", onClick: lap }, "Lap"),
        h("button", { type: "button", class: "btn btn-ghost", onClick: reset }, "Reset"))),
    h("section", { class: "card" }, h("h2", { class: "card-title" }, "Laps"), lapList)));
  show();
  return () => clearInterval(timer);
}
