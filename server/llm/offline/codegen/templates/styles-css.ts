// styles.css: one stylesheet for every generated app. Theme colours are CSS variables; the
// accent comes from the plan, and dark mode is a data-theme attribute on <html>.
import type { TPlan } from "~/server/plan/plan-schema";

/** Black or white, whichever reads better on the accent (WCAG relative luminance). */
export function contrastOn(hex: string): string {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.45 ? "#111111" : "#ffffff";
}

const base = String.raw`
:root {
  --bg: #f7f7f8;
  --surface: #ffffff;
  --surface-2: #f1f2f4;
  --text: #16181d;
  --muted: #626873;
  --border: #e3e5e8;
  --danger: #d92d20;
  --ok: #12805c;
  --shadow: 0 1px 2px rgb(16 24 40 / 0.05), 0 1px 3px rgb(16 24 40 / 0.08);
  --radius: 12px;
  --accent-soft: color-mix(in srgb, var(--accent) 12%, transparent);
  --accent-text: color-mix(in srgb, var(--accent) 80%, var(--text));
  --font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color-scheme: light;
}

[data-theme="dark"] {
  --bg: #0c0d10;
  --surface: #15171c;
  --surface-2: #1d2027;
  --text: #eceef2;
  --muted: #9aa1ad;
  --border: #2a2e37;
  --danger: #f97066;
  --ok: #47cd89;
  --shadow: 0 1px 2px rgb(0 0 0 / 0.4);
  --accent-text: color-mix(in srgb, var(--accent) 65%, white);
  color-scheme: dark;
}

*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 15px/1.5 var(--font);
  -webkit-font-smoothing: antialiased;
  min-height: 100vh;
}
h1, h2, h3 { line-height: 1.25; margin: 0; letter-spacing: -0.01em; }
h1 { font-size: 1.6rem; font-weight: 700; }
h2 { font-size: 1.05rem; font-weight: 600; }
h3 { font-size: 0.95rem; font-weight: 600; }
p { margin: 0; }
a { color: var(--accent-text); }
.muted { color: var(--muted); }
.mono { font-family: var(--mono); }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: -999px; top: 8px; z-index: 20; }
.skip-link:focus { left: 8px; background: var(--surface); padding: 8px 12px; border-radius: 8px; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

/* Header */
.app-header {
  position: sticky; top: 0; z-index: 10;
  background: color-mix(in srgb, var(--bg) 85%, transparent);
  backdrop-filter: saturate(180%) blur(10px);
  border-bottom: 1px solid var(--border);
}
.app-header-inner {
  max-width: 1120px; margin: 0 auto; padding: 12px 20px;
  display: flex; align-items: center; gap: 24px; flex-wrap: wrap;
}
.brand { display: inline-flex; align-items: center; gap: 10px; color: var(--text); text-decoration: none; font-weight: 650; }
.brand-mark {
  display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 8px;
  background: var(--accent); color: var(--accent-contrast); font-size: 0.85rem; font-weight: 700;
}
.nav { display: flex; gap: 4px; flex-wrap: wrap; }
.nav[hidden] { display: none; }
.nav-link {
  color: var(--muted); text-decoration: none; padding: 6px 10px; border-radius: 8px; font-weight: 500;
}
.nav-link:hover { color: var(--text); background: var(--surface-2); }
.nav-link[aria-current="page"] { color: var(--text); background: var(--surface-2); }

/* Layout */
.app-main { max-width: 1120px; margin: 0 auto; padding: 28px 20px 64px; outline: none; }
.page { display: grid; gap: 20px; }
.page-narrow { max-width: 760px; margin: 0 auto; }
.page-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 16px; flex-wrap: wrap; }
.page-head p { margin-top: 4px; }
.split { display: grid; grid-template-columns: minmax(260px, 340px) 1fr; gap: 20px; align-items: start; }
.card {
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: var(--shadow); padding: 20px;
}
.card-title { margin-bottom: 12px; }
.card-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-bottom: 12px; }
.card-head .card-title { margin: 0; }

/* Forms */
.form { display: grid; gap: 14px; position: sticky; top: 76px; }
.form-grid { display: grid; gap: 14px; }
.form-grid-2 { grid-template-columns: 1fr 1fr; }
.field { display: grid; gap: 6px; }
.field-label { display: flex; gap: 4px; align-items: baseline; }
.field label, .field-label label, .waitlist-form label { font-size: 0.85rem; font-weight: 550; }
.required { color: var(--danger); }
.field-check { display: flex; align-items: center; gap: 8px; }
.field-check .field-error { flex-basis: 100%; }
input, select, textarea {
  font: inherit; color: var(--text); background: var(--surface);
  border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; width: 100%;
  transition: border-color 0.15s, box-shadow 0.15s;
}
input[type="checkbox"] { width: 16px; height: 16px; accent-color: var(--accent); padding: 0; }
textarea { resize: vertical; min-height: 80px; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"] { border-color: var(--danger); }
.field-error, .form-error { color: var(--danger); font-size: 0.82rem; }
.field-error:empty, .form-error:empty { display: none; }
.form-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.form-row { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
.form-row .field { flex: 1 1 200px; }

/* Buttons */
.btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  font: inherit; font-weight: 550; font-size: 0.9rem; line-height: 1; white-space: nowrap;
  padding: 9px 14px; border-radius: 8px; cursor: pointer; text-decoration: none;
  color: var(--text); background: var(--surface); border: 1px solid var(--border);
  transition: background 0.15s, border-color 0.15s, transform 0.05s;
}
.btn:hover { background: var(--surface-2); }
.btn:active { transform: translateY(1px); }
.btn:disabled { opacity: 0.55; cursor: not-allowed; }
.btn[hidden] { display: none; }
.btn-primary { background: var(--accent); border-color: var(--accent); color: var(--accent-contrast); }
.btn-primary:hover { background: color-mix(in srgb, var(--accent) 88%, black); }
.btn-ghost { background: transparent; border-color: transparent; }
.btn-danger { color: var(--danger); }
.btn-small { padding: 6px 10px; font-size: 0.82rem; }
.btn-large { padding: 12px 20px; font-size: 1rem; }
.btn-icon { padding: 5px 8px; font-size: 0.85rem; min-width: 30px; }
.link { font-size: 0.9rem; font-weight: 550; text-decoration: none; }

/* Lists and tables */
.list { padding: 0; overflow: hidden; }
.toolbar { display: flex; gap: 12px; padding: 14px 16px; border-bottom: 1px solid var(--border); }
.search { flex: 1; max-width: 360px; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
th, td { text-align: left; padding: 10px 16px; border-bottom: 1px solid var(--border); vertical-align: middle; }
thead th { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; background: var(--surface-2); }
tbody th { font-weight: 600; }
tbody tr:last-child > * { border-bottom: none; }
tbody tr:hover { background: color-mix(in srgb, var(--surface-2) 60%, transparent); }
tr.is-editing { background: var(--accent-soft); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.cell-text { max-width: 280px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row-actions { text-align: right; white-space: nowrap; }
.row-actions .btn + .btn { margin-left: 6px; }
.badge, .chip {
  display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 0.75rem; font-weight: 600;
  background: var(--surface-2); color: var(--muted); white-space: nowrap;
}
.badge-0 { background: var(--accent-soft); color: var(--accent-text); }
.badge-1 { background: color-mix(in srgb, #f59e0b 18%, transparent); color: color-mix(in srgb, #b45309 85%, var(--text)); }
.badge-2 { background: color-mix(in srgb, #10b981 18%, transparent); color: color-mix(in srgb, #047857 85%, var(--text)); }
.badge-3 { background: color-mix(in srgb, #ef4444 16%, transparent); color: color-mix(in srgb, #b91c1c 85%, var(--text)); }
.badge-4 { background: color-mix(in srgb, #8b5cf6 16%, transparent); color: color-mix(in srgb, #6d28d9 85%, var(--text)); }
.badge-5 { background: color-mix(in srgb, #06b6d4 16%, transparent); color: color-mix(in srgb, #0e7490 85%, var(--text)); }

/* Empty states and toasts */
.empty { display: grid; justify-items: center; text-align: center; gap: 8px; padding: 40px 20px; }
.empty-icon-frame { fill: var(--accent-soft); stroke: var(--accent); stroke-width: 2; }
.empty-icon-lines { stroke: var(--accent); stroke-width: 2.5; stroke-linecap: round; fill: none; }
.empty-actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; justify-content: center; }
.toast {
  position: fixed; left: 50%; bottom: 24px; transform: translate(-50%, 20px); opacity: 0; pointer-events: none;
  background: var(--text); color: var(--bg); padding: 10px 16px; border-radius: 10px; font-size: 0.9rem;
  box-shadow: 0 8px 24px rgb(0 0 0 / 0.2); transition: opacity 0.2s, transform 0.2s; z-index: 30;
}
.toast.is-visible { opacity: 1; transform: translate(-50%, 0); }

/* Kanban */
.board-summary { color: var(--muted); margin-top: 4px; }
.board-form { padding: 16px; }
.board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(240px, 1fr); gap: 16px; overflow-x: auto; padding-bottom: 8px; }
.board-empty { grid-column: 1 / -1; }
.column { background: var(--surface-2); border: 1px solid var(--border); border-radius: var(--radius); padding: 12px; display: grid; gap: 10px; align-content: start; min-height: 200px; transition: border-color 0.15s, background 0.15s; }
.column.is-over { border-color: var(--accent); background: var(--accent-soft); }
.column-head { display: flex; justify-content: space-between; align-items: center; padding: 2px 4px; }
.column-head h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.count { font-size: 0.75rem; font-weight: 700; padding: 1px 8px; border-radius: 999px; background: var(--surface); border: 1px solid var(--border); }
.column-cards { display: grid; gap: 10px; }
.column-empty { color: var(--muted); font-size: 0.85rem; text-align: center; padding: 16px 0; border: 1px dashed var(--border); border-radius: 10px; }
.kanban-card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 12px; box-shadow: var(--shadow); display: grid; gap: 8px; cursor: grab; }
.kanban-card.is-dragging { opacity: 0.5; }
.card-meta { display: flex; gap: 6px; flex-wrap: wrap; }
.card-actions { display: flex; gap: 6px; justify-content: flex-end; }

/* Dashboard */
.dashboard { display: grid; gap: 20px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 16px; }
.stats-column { grid-template-columns: 1fr; }
.stat { padding: 16px 18px; display: grid; gap: 4px; }
.stat-label { font-size: 0.78rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.stat-value { font-size: 1.7rem; font-weight: 700; font-variant-numeric: tabular-nums; letter-spacing: -0.02em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
.chart { width: 100%; height: auto; display: block; }
.chart-grid { stroke: var(--border); stroke-width: 1; }
.chart-axis, .chart-label { fill: var(--muted); font-size: 11px; font-family: var(--font); }
.chart-bar { fill: var(--accent); }
.chart-color-1 { fill: color-mix(in srgb, var(--accent) 80%, #f59e0b); }
.chart-color-2 { fill: color-mix(in srgb, var(--accent) 60%, #10b981); }
.chart-color-3 { fill: color-mix(in srgb, var(--accent) 60%, #ef4444); }
.chart-color-4 { fill: color-mix(in srgb, var(--accent) 60%, #8b5cf6); }
.chart-color-5 { fill: color-mix(in srgb, var(--accent) 60%, #06b6d4); }
.chart-line { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
.chart-area { fill: var(--accent-soft); }
.chart-dot { fill: var(--surface); stroke: var(--accent); stroke-width: 2; }
.recent { list-style: none; margin: 0; padding: 0; }
.recent li { display: flex; justify-content: space-between; gap: 12px; padding: 10px 0; border-bottom: 1px solid var(--border); }
.recent li:last-child { border-bottom: none; }
.recent-name { font-weight: 550; }

/* Landing */
.landing { display: grid; gap: 72px; }
.hero { text-align: center; padding: 56px 0 8px; display: grid; gap: 18px; justify-items: center; }
.eyebrow { display: inline-block; padding: 4px 12px; border-radius: 999px; background: var(--accent-soft); color: var(--accent-text); font-weight: 600; font-size: 0.82rem; }
.hero-title { font-size: clamp(2.2rem, 6vw, 3.8rem); font-weight: 800; letter-spacing: -0.03em; }
.hero-lead { max-width: 620px; font-size: 1.15rem; color: var(--muted); }
.hero-actions { display: flex; gap: 12px; flex-wrap: wrap; justify-content: center; }
.section { display: grid; gap: 20px; }
.section-title { font-size: 1.5rem; text-align: center; }
.feature-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; }
.feature { display: grid; gap: 10px; }
.feature-icon { display: inline-grid; place-items: center; width: 36px; height: 36px; border-radius: 10px; background: var(--accent-soft); }
.icon-stroke { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round; }
.steps { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; }
.step { display: grid; gap: 8px; }
.step-number { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%; background: var(--accent); color: var(--accent-contrast); font-weight: 700; font-size: 0.85rem; }
.faq { display: grid; gap: 10px; max-width: 720px; width: 100%; margin: 0 auto; }
.faq details { padding: 14px 18px; }
.faq summary { cursor: pointer; font-weight: 600; }
.faq details p { margin-top: 8px; }
.cta { text-align: center; justify-items: center; padding: 40px 20px; background: linear-gradient(180deg, var(--accent-soft), var(--surface)); }
.waitlist-form { display: grid; gap: 8px; width: 100%; max-width: 460px; text-align: left; }
.waitlist-row { display: flex; gap: 8px; }
.waitlist-message { min-height: 1.5em; color: var(--ok); font-weight: 550; }
.waitlist-message.is-error { color: var(--danger); }

/* Tools */
.tool-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 20px; align-items: start; }
.tool-card { display: grid; gap: 16px; }
.result-big { font-size: 1.5rem; font-weight: 700; padding: 16px; border-radius: 10px; background: var(--accent-soft); color: var(--accent-text); text-align: center; }
.presets { display: flex; gap: 8px; flex-wrap: wrap; }
.calculator { display: grid; gap: 14px; }
.calc-screen { background: var(--surface-2); border-radius: 10px; padding: 14px 16px; text-align: right; min-height: 92px; display: grid; align-content: end; }
.calc-expression { color: var(--muted); min-height: 1.4em; font-family: var(--mono); }
.calc-display { font-size: 2.2rem; font-weight: 700; font-family: var(--mono); overflow-wrap: anywhere; }
.calc-display.is-error { font-size: 1.2rem; color: var(--danger); }
.keypad { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
.key { font: inherit; font-size: 1.15rem; font-weight: 600; padding: 14px 0; border-radius: 10px; border: 1px solid var(--border); background: var(--surface); color: var(--text); cursor: pointer; }
.key:hover { background: var(--surface-2); }
.key-op, .key-fn { background: var(--surface-2); }
.key-op { color: var(--accent-text); }
.key-equals { background: var(--accent); color: var(--accent-contrast); border-color: var(--accent); grid-row: span 2; }
.key-wide { grid-column: span 2; }
.history { margin: 0; padding-left: 20px; display: grid; gap: 6px; font-family: var(--mono); font-size: 0.9rem; }
.history li { display: flex; justify-content: space-between; gap: 12px; }
.clock-card { text-align: center; justify-items: center; }
.clock { font-size: clamp(3rem, 12vw, 5.5rem); font-weight: 800; font-family: var(--mono); letter-spacing: -0.03em; font-variant-numeric: tabular-nums; }
.clock-status { color: var(--muted); font-weight: 600; }
.clock-actions, .modes { display: flex; gap: 8px; flex-wrap: wrap; justify-content: center; }
.mode[aria-pressed="true"] { background: var(--accent); color: var(--accent-contrast); border-color: var(--accent); }
.clock-card .form-grid { width: 100%; max-width: 360px; text-align: left; }
.bmi-category { font-weight: 600; color: var(--accent-text); }

@media (max-width: 760px) {
  .split { grid-template-columns: 1fr; }
  .form { position: static; }
  .app-header-inner { gap: 10px; }
  .form-grid-2 { grid-template-columns: 1fr; }
  .waitlist-row { flex-direction: column; }
  .landing { gap: 48px; }
}

@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; scroll-behavior: auto !important; }
}
`;

export function stylesCss(plan: TPlan): string {
  return `/* Styles for ${plan.kind} app. Colours are variables: change --accent to restyle everything. */
:root {
  --accent: ${plan.theme.accent};
  --accent-contrast: ${contrastOn(plan.theme.accent)};
}
${base}`;
}
