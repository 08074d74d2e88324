// Shared countdown engine for the timer and the pomodoro: wall-clock based, so it stays accurate
// even when the tab throttles timers.
import { pad } from "../../lib/format.js";

export function formatClock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return pad(Math.floor(total / 60)) + ":" + pad(total % 60);
}

export function createCountdown(onTick, onDone) {
  let remaining = 0;
  let endsAt = null;
  let timer = null;
  const tick = () => {
    remaining = Math.max(0, endsAt - Date.now());
    onTick(remaining);
    if (remaining === 0) {
      stop();
      onDone();
    }
  };
  function stop() {
    clearInterval(timer);
    timer = null;
    endsAt = null;
  }
  return {
    get running() { return timer !== null; },
    set(ms) { stop(); remaining = ms; onTick(remaining); },
    start() {
      if (timer !== null || remaining <= 0) return;
      endsAt = Date.now() + remaining;
      timer = setInterval(tick, 200);
    },
    pause() {
      if (timer === null) return;
      remaining = Math.max(0, endsAt - Date.now());
      stop();
      onTick(remaining);
    },
    dispose: stop,
  };
}
