// Pomodoro: focus sessions and breaks; finished focus sessions are counted and remembered.
import { h } from "../../lib/dom.js";
import { createCountdown, formatClock } from "./countdown.js";
import { toolPage } from "./tool-page.js";

const MODES = [
  { id: "focus", label: "Focus", minutes: 25 },
  { id: "short", label: "Short break", minutes: 5 },
  { id: "long", label: "Long break", minutes: 15 },
];

export function render(root, { page, store, announce }) {
  let mode = "focus";
  let completed = store.getPref("pomodoro.completed", 0);
  const display = h("p", { class: "clock", role: "timer", "aria-live": "off" });
  const status = h("p", { class: "clock-status", "aria-live": "polite" });
  const done = h("p", { class: "muted" });
  const modeButtons = MODES.map(({ id, label }) => h("button", { type: "button", class: "btn btn-small mode", "aria-pressed": "false", onClick: () => setMode(id) }, label));
  const countdown = createCountdown((ms) => { display.textContent = formatClock(ms); }, () => {
    if (mode === "focus") {
      completed += 1;
      store.setPref("pomodoro.completed", completed);
      announce("Focus session done. Time for a break!");
      setMode(completed % 4 === 0 ? "long" : "short");
    } else {
      announce("Break over. Back to focus!");
      setMode("focus");
    }
  });

  function setMode(id) {
    mode = id;
    countdown.set(MODES.find((m) => m.id === id).minutes * 60 * 1000);
    status.textContent = "Ready";
    MODES.forEach((m, i) => modeButtons[i].setAttribute("aria-pressed", String(m.id === id)));
    done.textContent = "Completed focus sessions: " + completed;
  }

  toolPage(root, page, h("section", { class: "card tool-card clock-card" },
    h("div", { class: "modes", role: "group", "aria-label": "Mode" }, modeButtons),
    display, status,
    h("div", { class: "clock-actions" },
      h("button", { type: "button", class: "btn btn-primary", onClick: () => { countdown.start(); if (countdown.running) status.textContent = "Running"; } }, "Start"),
      h("button", { type: "button", class: "btn", onClick: () => { if (countdown.running) { countdown.pause(); status.textContent = "Paused"; } } }, "Pause"),
      h("button", { type: "button", class: "btn btn-ghost", onClick: () => setMode(mode) }, "Reset")),
    done));
  setMode("focus");
  return countdown.dispose;
}
