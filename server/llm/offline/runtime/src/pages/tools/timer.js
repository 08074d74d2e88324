// Countdown timer with a remembered duration.
import { h } from "../../lib/dom.js";
import { createCountdown, formatClock } from "./countdown.js";
import { toolPage } from "./tool-page.js";

export function render(root, { page, store, announce }) {
  const saved = store.getPref("timer", { minutes: "5", seconds: "0" });
  const minutes = h("input", { id: "timer-minutes", type: "number", min: "0", max: "999", step: "1", value: saved.minutes });
  const seconds = h("input", { id: "timer-seconds", type: "number", min: "0", max: "59", step: "1", value: saved.seconds });
  const display = h("p", { class: "clock", role: "timer", "aria-live": "off" });
  const status = h("p", { class: "clock-status", "aria-live": "polite" }, "Ready");
  const countdown = createCountdown((ms) => { display.textContent = formatClock(ms); }, () => {
    status.textContent = "Time's up!";
    announce("Time's up!");
  });

  function duration() {
    const m = Math.max(0, Math.floor(Number(minutes.value) || 0));
    const s = Math.min(59, Math.max(0, Math.floor(Number(seconds.value) || 0)));
    return (m * 60 + s) * 1000;
  }
  function reset() {
    countdown.set(duration());
    status.textContent = "Ready";
    store.setPref("timer", { minutes: minutes.value, seconds: seconds.value });
  }
  for (const el of [minutes, seconds]) el.addEventListener("input", () => { if (!countdown.running) reset(); });

  const field = (control, label) => h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  toolPage(root, page, h("section", { class: "card tool-card clock-card" },
    display, status,
    h("div", { class: "form-grid form-grid-2" }, field(minutes, "Minutes"), field(seconds, "Seconds")),
    h("div", { class: "clock-actions" },
      h("button", { type: "button", class: "btn btn-primary", onClick: () => { countdown.start(); if (countdown.running) status.textContent = "Running"; } }, "Start"),
      h("button", { type: "button", class: "btn", onClick: () => { if (countdown.running) { countdown.pause(); status.textContent = "Paused"; } } }, "Pause"),
      h("button", { type: "button", class: "btn btn-ghost", onClick: reset }, "Reset"))));
  reset();
  return countdown.dispose;
}
