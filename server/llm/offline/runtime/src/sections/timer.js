// Timer section, three modes:
// - pomodoro: work / break / long break every N rounds; start, pause, reset; the time left as
//   mm:ss in a labelled timer; a chime at the end of each phase (Web Audio); the pomodoros done
//   today (kept per day); lengths the user can change (kept) when `editable`; each finished work
//   session recorded in `logEntity` with what was worked on. A break starts by itself when work
//   ends; the next work session waits for Start. A running timer survives a reload.
// - countdown: to a date (`target`: "09-12" recurs yearly, or an ISO date/time) in days, hours,
//   minutes and seconds; without a target, a countdown of minutes and seconds the user sets.
// - stopwatch: start, pause, lap, reset.
import { h } from "../lib/dom.js";
import { calendarDaysUntil, countdownTarget, createCountdown, phaseAfter, phaseNames, splitDuration } from "../content/clock.js";
import { formatClock, formatElapsed, formatLongDate, isoDate, pad2 } from "../content/format.js";
import { createPrefs } from "../content/prefs.js";
import { playChime, unlockSound } from "../content/sound.js";
import { button, checkbox, field, figure, numberInput, readNumber, uid } from "../content/ui.js";

const MINUTE = 60_000;

function todayOf(app) {
  return typeof app.today === "function" ? app.today() : new Date();
}

/** A <output role="timer"> named by a <label>, for the big mm:ss. */
function clockFace(label) {
  const output = h("output", { id: uid("clock"), class: "clock", role: "timer", "aria-live": "off" });
  return { element: h("div", { class: "clock-face" }, h("label", { for: output.id, class: "figure-label" }, label), output), output };
}

export function render(sectionElement, section, app) {
  const root = h("div", { class: "timer timer-" + section.mode });
  sectionElement.append(root);
  if (section.mode === "pomodoro") return renderPomodoro(root, section, app);
  if (section.mode === "stopwatch") return renderStopwatch(root, section, app);
  return section.target ? renderDateCountdown(root, section, app) : renderDurationCountdown(root, section, app);
}

// ─── Pomodoro ────────────────────────────────────────────────────────────────

function renderPomodoro(root, section, app) {
  const prefs = createPrefs(app, "timer/pomodoro");
  const planned = { work: section.workMinutes || 25, break: section.breakMinutes || 5, longBreak: section.longBreakMinutes || 15, every: section.longBreakEvery || 4 };
  let lengths = section.editable ? { ...planned, ...prefs.get("lengths", {}) } : planned;
  /** @type {import("../content/clock.js").Phase} */
  let phase = "work";
  let workDone = 0;
  const logEntity = section.logEntity ? logFields(app, section.logEntity) : null;

  const face = clockFace("Time left");
  const phaseFigure = figure("Phase", "timer-phase");
  const round = h("p", { class: "muted timer-round" });
  const todayFigure = figure("Pomodoros today", "timer-today");
  const status = h("p", { class: "timer-status", role: "status" });
  const sound = section.sound ? checkbox("Play a sound when time is up", prefs.get("sound", true)) : null;
  if (sound) sound.box.addEventListener("change", () => prefs.set("sound", sound.box.checked));

  const phaseLength = (p) => lengths[p] * MINUTE;

  function countToday() {
    return Number(prefs.get("counts", {})[isoDate(todayOf(app))] || 0);
  }

  function addToToday() {
    const counts = prefs.get("counts", {});
    const key = isoDate(todayOf(app));
    const kept = {};
    // Keep a month of days, so the setting does not grow without end.
    for (const day of Object.keys(counts).sort().slice(-30)) kept[day] = counts[day];
    kept[key] = Number(kept[key] || 0) + 1;
    prefs.set("counts", kept);
  }

  function saveRun() {
    prefs.set("run", { phase, workDone, endsAt: countdown.endsAt, remaining: countdown.remaining });
  }

  function showState() {
    phaseFigure.set(phaseNames[phase]);
    const inCycle = Math.min(lengths.every, workDone + (phase === "work" ? 1 : 0)) || 1;
    round.textContent = "Round " + inCycle + " of " + lengths.every;
    todayFigure.set(String(countToday()));
    root.dataset.phase = phase;
  }

  function chime() {
    if (!sound || !sound.box.checked) return "";
    return playChime() ? " Sound played." : " (The browser blocked the sound: click the page once to allow it.)";
  }

  function finishPhase(whileAway) {
    if (phase === "work") {
      workDone += 1;
      addToToday();
      const logged = logEntity ? logSession(app, logEntity, lengths.work, todayOf(app)) : "";
      phase = phaseAfter("work", workDone, lengths.every);
      countdown.set(phaseLength(phase));
      const next = phase === "longBreak" ? "a " + lengths.longBreak + "-minute long break" : "a " + lengths.break + "-minute break";
      status.textContent = "Work session done — time for " + next + "." + logged + (whileAway ? "" : chime());
      if (!whileAway) countdown.start();
    } else {
      if (phase === "longBreak") workDone = 0;
      phase = "work";
      countdown.set(phaseLength("work"));
      status.textContent = "Break over — press Start for the next work session." + (whileAway ? "" : chime());
    }
    showState();
    saveRun();
  }

  const countdown = createCountdown({ onTick: (ms) => void (face.output.textContent = formatClock(ms)), onDone: () => finishPhase(false) });

  const startButton = button("Start", () => {
    unlockSound();
    if (countdown.running) return;
    countdown.start();
    status.textContent = phaseNames[phase] + " started.";
    saveRun();
  }, "primary");
  const pauseButton = button("Pause", () => {
    if (!countdown.running) return;
    countdown.pause();
    status.textContent = "Paused.";
    saveRun();
  });
  const resetButton = button("Reset", () => {
    countdown.set(phaseLength(phase));
    status.textContent = phaseNames[phase] + " reset to " + formatClock(phaseLength(phase)) + ".";
    saveRun();
  }, "ghost");

  const parts = [phaseFigure.element, face.element, round, h("div", { class: "clock-actions" }, startButton, pauseButton, resetButton), status, todayFigure.element];
  if (sound) parts.push(sound.element);
  if (logEntity) parts.push(field(logEntity.textLabel, logEntity.input, "Saved with each finished work session."));
  if (section.editable) parts.push(lengthsForm());
  root.append(...parts);

  function lengthsForm() {
    const inputs = {
      work: numberInput(lengths.work, { min: "1", max: "600" }),
      break: numberInput(lengths.break, { min: "1", max: "120" }),
      longBreak: numberInput(lengths.longBreak, { min: "1", max: "120" }),
      every: numberInput(lengths.every, { min: "2", max: "12", step: "1", inputmode: "numeric" }),
    };
    const message = h("p", { class: "muted", "aria-live": "polite" });
    const limits = { work: [1, 600], break: [1, 120], longBreak: [1, 120], every: [2, 12] };
    function apply() {
      const next = { ...lengths };
      for (const key of Object.keys(inputs)) {
        const value = readNumber(inputs[key]);
        if (value === null || value < limits[key][0] || value > limits[key][1]) {
          message.textContent = "Enter a number from " + limits[key][0] + " to " + limits[key][1] + ".";
          return;
        }
        next[key] = key === "every" ? Math.round(value) : value;
      }
      // An untouched phase shows its new length at once; one under way keeps going and the new
      // lengths apply from the next phase.
      const untouched = !countdown.running && countdown.remaining === phaseLength(phase);
      lengths = next;
      prefs.set("lengths", { work: next.work, break: next.break, longBreak: next.longBreak, every: next.every });
      if (untouched) countdown.set(phaseLength(phase));
      message.textContent = "Saved: " + next.work + "-minute work sessions, " + next.break + "-minute breaks.";
      showState();
      saveRun();
    }
    // Applied as the user types (a check or a user may never leave the field), once valid.
    for (const input of Object.values(inputs)) input.addEventListener("input", apply);
    return h("form", { class: "form timer-lengths", "aria-label": "Lengths", novalidate: true, onSubmit: (event) => { event.preventDefault(); apply(); } },
      h("div", { class: "form-grid form-grid-2" }, field("Work (minutes)", inputs.work), field("Break (minutes)", inputs.break), field("Long break (minutes)", inputs.longBreak), field("Long break every (rounds)", inputs.every)),
      message);
  }

  // Carry over a run from before a reload: still running, paused, or finished while away.
  const run = prefs.get("run", null);
  if (run && phaseNames[run.phase]) {
    phase = run.phase;
    workDone = Number(run.workDone) || 0;
    if (run.endsAt && run.endsAt > Date.now()) countdown.resumeUntil(run.endsAt);
    else if (run.endsAt) {
      countdown.set(0);
      finishPhase(true);
    } else countdown.set(run.remaining > 0 ? Math.min(run.remaining, phaseLength(phase)) : phaseLength(phase));
  } else countdown.set(phaseLength(phase));
  showState();

  // The day can change while the page is open: "today" is re-read every minute.
  const housekeeping = setInterval(() => todayFigure.set(String(countToday())), MINUTE);
  return () => {
    countdown.dispose();
    clearInterval(housekeeping);
  };
}

/** Which fields of the log entity take the note, the date, the time and the minutes. */
function logFields(app, entityName) {
  const entity = (typeof app.entity === "function" && app.entity(entityName)) || ((app.spec && app.spec.entities) || []).find((e) => e.name === entityName);
  if (!entity) return null;
  const fields = entity.fields || [];
  const textField = fields.find((f) => f.type === "string" || f.type === "text");
  return {
    entity: entity.name,
    textField: textField ? textField.name : null,
    textRequired: Boolean(textField && textField.required),
    textLabel: textField ? textField.label : "What are you working on?",
    dateField: (fields.find((f) => f.type === "date") || {}).name || null,
    timeField: (fields.find((f) => f.type === "time") || {}).name || null,
    minutesField: (fields.find((f) => f.type === "number" && /minute|length|duration/i.test(f.name + " " + f.label)) || {}).name || null,
    input: h("input", { id: uid("log-note"), type: "text", autocomplete: "off" }),
  };
}

/** Records a finished work session; returns a sentence for the status line. */
function logSession(app, log, minutes, now) {
  const values = {};
  const note = log.input.value.trim();
  if (log.textField) values[log.textField] = note || (log.textRequired ? "Work session" : null);
  if (log.dateField) values[log.dateField] = isoDate(now);
  if (log.timeField) values[log.timeField] = pad2(now.getHours()) + ":" + pad2(now.getMinutes());
  if (log.minutesField) values[log.minutesField] = minutes;
  try {
    app.store.create(log.entity, values);
    return " Logged" + (note ? " “" + note + "”" : "") + ".";
  } catch (error) {
    return " It could not be logged (" + String((error && error.message) || "invalid") + ").";
  }
}

// ─── Countdowns ──────────────────────────────────────────────────────────────

function renderDateCountdown(root, section, app) {
  const daysToGo = figure("Days to go", "countdown-days");
  const when = h("p", { class: "countdown-when" });
  const parts = { days: figure("Days"), hours: figure("Hours"), minutes: figure("Minutes"), seconds: figure("Seconds") };
  const status = h("p", { class: "timer-status", role: "status" });
  let arrived = false;

  root.append(
    daysToGo.element,
    when,
    h("div", { class: "countdown-parts", role: "group", "aria-label": "Time left" }, Object.values(parts).map((p) => p.element)),
    status);

  /** @type {ReturnType<typeof setTimeout> | null} */
  let handle = null;
  function update() {
    const now = todayOf(app);
    const target = countdownTarget(section.target, now);
    if (!target) {
      status.textContent = "This countdown has no valid date.";
      return;
    }
    const left = target.getTime() - now.getTime();
    const days = calendarDaysUntil(target, now);
    daysToGo.set(String(Math.max(0, days)));
    when.textContent = formatLongDate(target) + (/T\d{2}:\d{2}/.test(section.target) ? " at " + pad2(target.getHours()) + ":" + pad2(target.getMinutes()) : "");
    // Whole seconds rounded up, like any countdown: 0 is shown at the moment itself, not a second early.
    const split = splitDuration(Math.ceil(left / 1000) * 1000);
    for (const key of Object.keys(parts)) parts[key].set(String(split[key]));
    if (left <= 0) {
      status.textContent = days === 0 ? "It's today!" : "This date has passed.";
      if (!arrived && section.sound) playChime();
      arrived = true;
    } else status.textContent = "";
    // Wake when the seconds change (and keep going: a recurring date rolls over to next year).
    handle = setTimeout(update, 1000 - (now.getTime() % 1000));
  }
  update();
  return () => {
    if (handle !== null) clearTimeout(handle);
  };
}

function renderDurationCountdown(root, section, app) {
  const prefs = createPrefs(app, "timer/countdown");
  const saved = prefs.get("duration", { minutes: section.workMinutes || 5, seconds: 0 });
  const minutes = numberInput(saved.minutes, { min: "0", max: "999", step: "1", inputmode: "numeric" });
  const seconds = numberInput(saved.seconds, { min: "0", max: "59", step: "1", inputmode: "numeric" });
  const face = clockFace("Time left");
  const status = h("p", { class: "timer-status", role: "status" });
  const countdown = createCountdown({
    onTick: (ms) => void (face.output.textContent = formatClock(ms)),
    onDone: () => void (status.textContent = "Time's up!" + (section.sound && playChime() ? " Sound played." : "")),
  });
  const duration = () => (Math.max(0, Math.floor(readNumber(minutes) || 0)) * 60 + Math.min(59, Math.max(0, Math.floor(readNumber(seconds) || 0)))) * 1000;
  function reset() {
    countdown.set(duration());
    status.textContent = "";
    prefs.set("duration", { minutes: readNumber(minutes) || 0, seconds: readNumber(seconds) || 0 });
  }
  for (const input of [minutes, seconds]) input.addEventListener("input", () => { if (!countdown.running) reset(); });
  root.append(
    face.element,
    h("div", { class: "clock-actions" },
      button("Start", () => { unlockSound(); countdown.start(); }, "primary"),
      button("Pause", () => countdown.pause()),
      button("Reset", reset, "ghost")),
    status,
    h("div", { class: "form-grid form-grid-2" }, field("Minutes", minutes), field("Seconds", seconds)));
  reset();
  return () => countdown.dispose();
}

// ─── Stopwatch ───────────────────────────────────────────────────────────────

function renderStopwatch(root, section, app) {
  const prefs = createPrefs(app, "timer/stopwatch");
  const saved = prefs.get("state", { elapsed: 0, laps: [] });
  let elapsed = Number(saved.elapsed) || 0;
  /** @type {number[]} */
  let laps = Array.isArray(saved.laps) ? saved.laps : [];
  /** @type {number | null} */
  let startedAt = null;
  /** @type {ReturnType<typeof setInterval> | null} */
  let handle = null;
  const face = clockFace("Elapsed");
  const lapList = h("ol", { class: "timer-laps", "aria-label": "Laps" });

  const now = () => elapsed + (startedAt === null ? 0 : Date.now() - startedAt);
  const persist = () => prefs.set("state", { elapsed: now(), laps });
  function show() {
    face.output.textContent = formatElapsed(now());
    lapList.replaceChildren(...laps.map((ms, i) => h("li", {}, "Lap " + (i + 1) + ": " + formatElapsed(ms))));
  }
  function start() {
    if (startedAt !== null) return;
    startedAt = Date.now();
    handle = setInterval(show, 100);
  }
  function pause() {
    if (startedAt === null) return;
    elapsed = now();
    startedAt = null;
    if (handle !== null) clearInterval(handle);
    persist();
    show();
  }
  root.append(
    face.element,
    h("div", { class: "clock-actions" },
      button("Start", start, "primary"),
      button("Pause", pause),
      button("Lap", () => { laps = [...laps, now()]; persist(); show(); }),
      button("Reset", () => { pause(); elapsed = 0; laps = []; persist(); show(); }, "ghost")),
    lapList);
  show();
  return () => {
    if (handle !== null) clearInterval(handle);
  };
}
