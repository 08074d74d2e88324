// Executes one acceptance-check step against a Playwright page, the way a user would: fields by
// label, controls by role and accessible name, text as it is seen. The step language itself is
// defined in server/plan/check-steps.ts.
import type { Locator, Page } from "playwright-core";
import { assertNever } from "~/server/events/run-events";
import type { TCheckStep } from "~/server/plan/check-steps";
import { resolveDateTokens } from "./date-tokens";
import { readChart, segmentMatches, type ChartReading } from "./read-chart";
import { numbersMatch } from "./numbers-match";
import { readStyle, styleMatches } from "./read-style";
import { sampleUploadFile } from "./sample-picture";

export type Step = TCheckStep;

/** What a check's steps share while they run: where the app is, how long to wait, what "today" is. */
export type StepContext = {
  baseUrl: string;
  timeout: number;
  /** The page's clock: set by a `clock` step, moved by `advanceClock`; null → the real time. */
  clockAt: Date | null;
  /** Makes later steps act on that device (a `device` step); absent where the runner has only one. */
  useDevice?: (name: "first" | "second") => Promise<void>;
};

/** Plan paths are app routes; generated apps use hash routing ("#/tasks") under the base URL. */
export function urlForPath(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  if (path.startsWith("#")) return baseUrl + path;
  return `${baseUrl}#${path.startsWith("/") ? path : `/${path}`}`;
}

// innerText (what a user sees) with whitespace collapsed; lowercased because CSS text-transform
// changes innerText ("TOTAL AMOUNT") without changing what the check means.
const normalize = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/** Containers a `within` name can refer to, most specific first. */
const containerRoles = ["region", "form", "list", "table", "group", "dialog", "article", "figure", "navigation", "complementary", "listitem", "row"] as const;

const containers = (page: Page, within: string, exact: boolean): Locator => {
  let locator = page.getByRole(containerRoles[0], { name: within, exact });
  for (const role of containerRoles.slice(1)) locator = locator.or(page.getByRole(role, { name: within, exact }));
  return locator;
};

/**
 * The container a step means. A loose name alone would let "Tasks" pick "Overdue tasks" when that
 * section comes first, so a container named exactly `within` wins; the loose match (a section
 * whose name carries a count, say) is the fallback. Waits for the page to render one of them.
 */
async function scopeOf(page: Page, within: string | undefined, timeout: number): Promise<Locator> {
  if (!within) return page.locator("body");
  const exact = containers(page, within, true);
  // Already there (the usual case, the page rendered): one query, not a wait and then a query.
  if ((await exact.count()) > 0) return exact.first();
  const loose = containers(page, within, false);
  await loose.first().waitFor({ state: "attached", timeout: Math.round(timeout * 0.6) }).catch(() => undefined);
  return (await exact.count()) > 0 ? exact.first() : loose.first();
}

/** How long the strictest candidate gets to appear once a looser one has. */
const strictGraceMs = 250;

/**
 * The first candidate that exists, tried in order of strictness: exact name, loose name, and for
 * roles whose accessible name does not come from their text (a list item, a row), the visible
 * text. Waits until any of them is there (a page still rendering gets its time), then gives the
 * strictest a short grace to appear too: waiting for the exact name alone cost every step whose
 * element only a looser candidate finds (a label "Due date *") most of its timeout, on passing checks.
 */
async function pick(candidates: Locator[], timeout: number, nth = 0): Promise<Locator> {
  const [first, ...rest] = candidates;
  // The strictest already there (the usual case): one query, not a wait and then a query.
  if ((await first!.count()) > nth) return first!.nth(nth);
  const anyOf = candidates.slice(1).reduce((union, candidate) => union.or(candidate), first!);
  await anyOf.nth(nth).waitFor({ state: "attached", timeout: Math.round(timeout * 0.6) }).catch(() => undefined);
  if ((await first!.count()) > nth) return first!.nth(nth);
  await first!.nth(nth).waitFor({ state: "attached", timeout: strictGraceMs }).catch(() => undefined);
  for (const candidate of candidates) if ((await candidate.count()) > nth) return candidate.nth(nth);
  return (rest.at(0) ?? first!).nth(nth);
}

type Role = Parameters<Page["getByRole"]>[0];

const byLabel = (scope: Locator, label: string, timeout: number) => pick([scope.getByLabel(label, { exact: true }), scope.getByLabel(label)], timeout);
const byRole = (scope: Locator, role: Role, name: string, timeout: number, nth?: number) =>
  pick([scope.getByRole(role, { name, exact: true }), scope.getByRole(role, { name }), scope.getByRole(role).filter({ hasText: name })], timeout, nth);

/**
 * Where a step's strictest candidate would be: inside the container named exactly `within` (the
 * page's body without one). On a page that has rendered, the usual case, the target is there, and
 * the step finds it and acts on it in one round trip; scopeOf and pick, which wait and loosen the
 * names, run only when it is not. Both pick the same element when it is there.
 */
const strictScope = (page: Page, within: string | undefined): Locator => (within ? containers(page, within, true).first() : page.locator("body"));
const strictLabel = (page: Page, within: string | undefined, label: string): Locator => strictScope(page, within).getByLabel(label, { exact: true }).first();
const strictRole = (page: Page, within: string | undefined, role: Role, name: string, nth = 0): Locator => strictScope(page, within).getByRole(role, { name, exact: true }).nth(nth);

/** Runs `read` on the element(s) of `target` in one query that does not wait; "missing" when there are none or the query failed (the page navigated, say). */
async function readNow<R>(target: Locator, read: (elements: Element[], arg: string) => R | "missing", arg = ""): Promise<R | "missing"> {
  return target.evaluateAll(read, arg).catch(() => "missing" as const);
}

/** Whether the first of `elements` is shown, as Playwright's "visible" means it (a box, and not hidden by style); "missing" when there is none. */
function isShown(elements: Element[]): boolean | "missing" {
  const element = elements[0];
  if (!element) return "missing";
  const box = element.getBoundingClientRect();
  return getComputedStyle(element).visibility === "visible" && element.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
}

/** The text a user sees in the first of `elements`; "missing" when there is none. */
function shownText(elements: Element[]): string | "missing" {
  const element = elements[0];
  return element ? ((element as HTMLElement).innerText ?? element.textContent ?? "") : "missing";
}

/** What a field shows: its value, a select's chosen option, else its text; "missing" when there is none. */
function fieldValue(elements: Element[]): string | "missing" {
  const element = elements[0];
  if (!element) return "missing";
  if (element instanceof HTMLSelectElement) return element.selectedOptions[0]?.textContent ?? element.value;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element.value;
  return (element as HTMLElement).innerText ?? element.textContent ?? "";
}

/** Whether the first of `elements`, a checkbox or radio button (or an element with aria-checked), is ticked; null when it is neither; "missing" when there is none. */
function tickedState(elements: Element[]): boolean | null | "missing" {
  const element = elements[0];
  if (!element) return "missing";
  if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) return element.checked;
  const aria = element.getAttribute("aria-checked");
  return aria === "true" ? true : aria === "false" ? false : null;
}

/**
 * Chooses the option of the first of `elements` whose label, else value, is `wanted`, as
 * Playwright's selectOption does (selected, then input and change events): "selected"; null when
 * the field is not a visible, enabled select or has no such option yet; "missing" when there is none.
 */
function chooseOption(elements: Element[], wanted: string): "selected" | null | "missing" {
  const element = elements[0];
  if (!element) return "missing";
  if (!(element instanceof HTMLSelectElement) || element.matches(":disabled")) return null;
  // Playwright's selectOption waits for a visible field too; a hidden one is left to it.
  const box = element.getBoundingClientRect();
  if (getComputedStyle(element).visibility !== "visible" || box.width === 0 || box.height === 0) return null;
  const options = [...element.options];
  const option = options.find((candidate) => candidate.label === wanted) ?? options.find((candidate) => candidate.value === wanted);
  if (!option || option.disabled) return null;
  element.value = option.value;
  option.selected = true;
  element.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  element.dispatchEvent(new Event("change", { bubbles: true }));
  return "selected";
}

/** Polls `read` until `isOk` holds or the timeout passes; returns the last reading either way. */
async function poll<T>(read: () => Promise<T>, isOk: (value: T) => boolean, timeout: number): Promise<{ ok: boolean; value: T }> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!isOk(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return { ok: isOk(value), value };
}

async function visibleText(scope: Locator): Promise<string> {
  return normalize(await scope.innerText({ timeout: 1_000 }).catch(() => ""));
}

async function valueOf(field: Locator): Promise<string> {
  const shown = await readNow(field, fieldValue);
  return shown === "missing" ? "" : shown;
}

function describeChart(reading: ChartReading | null): string {
  if (!reading) return "no chart with that name";
  return `a ${reading.roleDescription || "chart without a type"} with ${reading.segments.length} segment(s): ${reading.segments.map((s) => s.raw).join("; ") || "none"}`;
}

/**
 * Where a user would click the first of `elements` right now: its centre, scrolled into view, when
 * it is visible, enabled and the topmost element there (not covered by a dialog, say); null when it
 * is not ready for that, "missing" when there is no element. Runs in the page, in one round trip.
 */
function clickPoint(elements: Element[]): { x: number; y: number } | null | "missing" {
  const element = elements[0];
  if (!element) return "missing";
  if (window.top !== window) return null;
  if (element.matches(":disabled") || element.closest("[aria-disabled='true']")) return null;
  const style = getComputedStyle(element);
  if (style.visibility !== "visible" || style.pointerEvents === "none") return null;
  // No inner functions: the page would lack the helper a bundler wraps them in (keepNames).
  let box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
    element.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
    box = element.getBoundingClientRect();
    if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) return null;
  }
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const topmost = document.elementFromPoint(x, y);
  return topmost && (topmost === element || element.contains(topmost)) ? { x, y } : null;
}

/**
 * A user's click: real mouse events at the element's centre. The quick way, one round trip and the
 * mouse, when the element is ready for it at once (visible, enabled, in view, not covered);
 * otherwise Playwright's click, which waits for all of that within the timeout and says what it
 * waited for. Playwright's own checks cost every click about two animation frames (it waits for
 * the element to stop moving), which a check of a dozen clicks paid on every passing run.
 */
async function clickAsUser(page: Page, target: Locator, timeout: number): Promise<void> {
  const point = await target.evaluateAll(clickPoint).catch(() => null);
  if (point && point !== "missing") await page.mouse.click(point.x, point.y);
  else await target.click({ timeout });
}

/**
 * Gets a field ready for typing the way Playwright's fill does, in the page, in one round trip:
 * "typed" once a visible, enabled, editable text field is focused with its text selected (what
 * is typed then replaces it); "set" when a date, time, colour or range field took the value
 * (these take no typing: set, then input and change, as Playwright does); "refused:<type>" when
 * such a field would not take it (Playwright's fill leaves it empty and says nothing); null when
 * the field is not ready or not of a kind handled here; "missing" when there is no field.
 */
function prepareFill(elements: Element[], value: string): "typed" | "set" | `refused:${string}` | null | "missing" {
  const element = elements[0];
  if (!element) return "missing";
  if (window.top !== window) return null;
  if (!(element instanceof HTMLInputElement) && !(element instanceof HTMLTextAreaElement)) return null;
  if (element.matches(":disabled") || element.readOnly) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  if (style.visibility !== "visible" || box.width === 0 || box.height === 0) return null;
  const type = element instanceof HTMLInputElement ? element.type : "textarea";
  if (["date", "time", "datetime-local", "month", "week", "color", "range"].includes(type)) {
    element.focus();
    const before = element.value;
    element.value = value;
    // A value the field refuses ("next tuesday" for a date) would leave it empty without a word.
    if (element.value !== value) {
      element.value = before;
      return `refused:${type}`;
    }
    element.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    element.dispatchEvent(new Event("change", { bubbles: true }));
    return "set";
  }
  if (!["textarea", "text", "search", "email", "tel", "url", "password", "number"].includes(type)) return null;
  if (type === "number" && value.trim() !== "" && Number.isNaN(Number(value))) return null;
  element.focus();
  element.select();
  return "typed";
}

/** What a field that takes no typing accepts, for the message when it refuses a value. */
const valueExamples: Record<string, string> = { date: "2026-03-14", time: "09:30", "datetime-local": "2026-03-14T09:30", month: "2026-03", week: "2026-W11", color: "#4f46e5", range: "a number in its range" };

/**
 * A user's fill: the field's text selected, then the new text typed over it (real input events,
 * as from a keyboard's IME). In one round trip and one keystroke when the field is ready at once;
 * otherwise Playwright's fill, which waits for it within the timeout and says what it waited for.
 */
async function fillAsUser(page: Page, field: Locator, text: string, timeout: number, prepared?: ReturnType<typeof prepareFill>): Promise<void> {
  prepared ??= await field.evaluateAll(prepareFill, text).catch(() => null);
  if (prepared === "set") return;
  if (prepared?.startsWith("refused:")) {
    const type = prepared.slice("refused:".length);
    throw new Error(`the ${type} field refused "${text}" (it takes values like ${valueExamples[type] ?? "its own format"})`);
  }
  if (prepared === "typed") {
    if (text === "") await page.keyboard.press("Delete");
    else await page.keyboard.insertText(text);
    return;
  }
  await field.fill(text, { timeout });
}

export async function runStep(page: Page, context: StepContext, step: Step): Promise<void> {
  const { baseUrl, timeout } = context;
  const value = (text: string) => resolveDateTokens(text, context.clockAt ?? new Date());
  switch (step.action) {
    case "goto":
      await page.goto(urlForPath(baseUrl, step.path), { waitUntil: "load", timeout: timeout * 2 });
      return;
    case "reload":
      await page.reload({ waitUntil: "load", timeout: timeout * 2 });
      return;
    case "clock": {
      const at = new Date(step.at.length === 10 ? `${step.at}T09:00:00` : step.at);
      await page.clock.install({ time: at });
      context.clockAt = at;
      return;
    }
    case "device":
      if (!context.useDevice) throw new Error("This check runner has no second device");
      await context.useDevice(step.name);
      return;
    case "advanceClock":
      await page.clock.runFor(step.ms);
      context.clockAt = new Date((context.clockAt ?? new Date()).getTime() + step.ms);
      return;
    case "fill": {
      const text = value(step.value);
      const strict = strictLabel(page, step.within, step.label);
      const prepared = await readNow(strict, prepareFill, text);
      if (prepared !== "missing") return fillAsUser(page, strict, text, timeout, prepared);
      await fillAsUser(page, await byLabel(await scopeOf(page, step.within, timeout), step.label, timeout), text, timeout);
      return;
    }
    case "select": {
      const wanted = value(step.value);
      if ((await readNow(strictLabel(page, step.within, step.label), chooseOption, wanted)) === "selected") return;
      const field = await byLabel(await scopeOf(page, step.within, timeout), step.label, timeout);
      if ((await readNow(field, chooseOption, wanted)) === "selected") return;
      // Not there yet (options filled in later): an option's label, else its value ("4" for
      // "★★★★☆"), by label for half the timeout, then by value.
      await field.selectOption({ label: wanted }, { timeout: Math.round(timeout / 2) }).catch(() => field.selectOption(wanted, { timeout: Math.round(timeout / 2) }));
      return;
    }
    case "check":
    case "uncheck": {
      const wanted = step.action === "check";
      const strict = strictLabel(page, step.within, step.label);
      const state = await readNow(strict, tickedState);
      if (state === wanted) return;
      if (state !== "missing" && state !== null) {
        // A user's click on it, then its state read back; anything else is left to setChecked below.
        const point = await readNow(strict, clickPoint);
        if (point !== "missing" && point !== null) {
          await page.mouse.click(point.x, point.y);
          if ((await readNow(strict, tickedState)) === wanted) return;
        }
      }
      const box = await byLabel(await scopeOf(page, step.within, timeout), step.label, timeout);
      await box.setChecked(wanted, { timeout });
      return;
    }
    case "upload": {
      const input = await byLabel(await scopeOf(page, step.within, timeout), step.label, timeout);
      await input.setInputFiles(sampleUploadFile(step.file ?? "picture"), { timeout });
      return;
    }
    case "click": {
      const strict = strictRole(page, step.within, step.role, step.name, step.nth);
      const point = await readNow(strict, clickPoint);
      if (point !== "missing" && point !== null) return page.mouse.click(point.x, point.y);
      // There but not ready (covered, disabled, moving): Playwright's click waits for it.
      if (point === null) return strict.click({ timeout });
      const target = await byRole(await scopeOf(page, step.within, timeout), step.role, step.name, timeout, step.nth);
      await clickAsUser(page, target, timeout);
      return;
    }
    case "press":
      await page.keyboard.press(step.key);
      return;
    case "drag": {
      const from = await byRole(await scopeOf(page, step.from.within, timeout), step.from.role, step.from.name, timeout);
      const to = await byRole(await scopeOf(page, step.to.within, timeout), step.to.role, step.to.name, timeout);
      await from.dragTo(to, { timeout });
      return;
    }
    case "expectText":
    case "expectNoText": {
      const wanted = step.action === "expectText";
      const needle = normalize(value(step.text));
      const seen = await readNow(strictScope(page, step.within), shownText);
      if (seen !== "missing" && normalize(seen).includes(needle) === wanted) return;
      const scope = await scopeOf(page, step.within, timeout);
      const { ok } = await poll(() => visibleText(scope), (text) => text.includes(needle) === wanted, timeout);
      if (!ok) {
        const where = step.within ? ` in "${step.within}"` : " on the page";
        throw new Error(wanted ? `expected to see "${step.text}"${where}` : `expected "${step.text}" to be gone${where}`);
      }
      return;
    }
    case "expectOrder": {
      const needles = step.texts.map((text) => normalize(value(text)));
      const inOrder = (text: string) => {
        let from = 0;
        for (const needle of needles) {
          const at = text.indexOf(needle, from);
          if (at === -1) return false;
          from = at + needle.length;
        }
        return true;
      };
      const seen = await readNow(strictScope(page, step.within), shownText);
      if (seen !== "missing" && inOrder(normalize(seen))) return;
      const scope = await scopeOf(page, step.within, timeout);
      const { ok } = await poll(() => visibleText(scope), inOrder, timeout);
      if (!ok) throw new Error(`expected ${step.texts.map((t) => `"${t}"`).join(" before ")}${step.within ? ` in "${step.within}"` : ""}`);
      return;
    }
    case "expectCount": {
      const scope = await scopeOf(page, step.within, timeout);
      const named = (role: Role, name: string) => scope.getByRole(role, { name }).or(scope.getByRole(role).filter({ hasText: name }));
      const matches = step.name ? named(step.role, step.name) : scope.getByRole(step.role);
      const isOk = (count: number) => (step.atLeast ? count >= step.count : count === step.count);
      const { ok, value: count } = await poll(() => matches.count(), isOk, timeout);
      if (!ok) throw new Error(`expected ${step.atLeast ? "at least " : ""}${step.count} ${step.role}${step.name ? ` "${step.name}"` : ""}${step.within ? ` in "${step.within}"` : ""}, found ${count}`);
      return;
    }
    case "expectValue": {
      const wanted = value(step.value);
      const isShowing = (text: string) => numbersMatch(text, wanted) ?? normalize(text).includes(normalize(wanted));
      const now = await readNow(strictLabel(page, step.within, step.label), fieldValue);
      if (now !== "missing" && isShowing(now)) return;
      const field = await byLabel(await scopeOf(page, step.within, timeout), step.label, timeout);
      const { ok, value: actual } = await poll(() => valueOf(field), isShowing, timeout);
      if (!ok) throw new Error(`expected "${step.label}" to show ${wanted}, it shows "${actual.trim().slice(0, 120)}"`);
      return;
    }
    case "expectElement": {
      if ((step.state ?? "visible") === "visible" && (await readNow(strictRole(page, step.within, step.role, step.name, step.nth), isShown)) === true) return;
      const element = await byRole(await scopeOf(page, step.within, timeout), step.role, step.name, timeout, step.nth);
      const state = step.state ?? "visible";
      try {
        switch (state) {
          case "visible":
          case "hidden":
            await element.waitFor({ state, timeout });
            return;
          case "checked":
          case "unchecked": {
            const { ok } = await poll(() => element.isChecked().catch(() => null), (checked) => checked === (state === "checked"), timeout);
            if (!ok) throw new Error(`not ${state}`);
            return;
          }
          case "enabled":
          case "disabled": {
            const { ok } = await poll(() => element.isEnabled().catch(() => null), (enabled) => enabled === (state === "enabled"), timeout);
            if (!ok) throw new Error(`not ${state}`);
            return;
          }
          case "loaded": {
            await element.waitFor({ state: "visible", timeout });
            // Drawn, not just present: a broken or empty src leaves naturalWidth at 0 and shows the alt text.
            const isDrawn = () => element.evaluate((node) => node instanceof HTMLImageElement && node.complete && node.naturalWidth > 0).catch(() => false);
            const { ok } = await poll(isDrawn, (drawn) => drawn, timeout);
            if (!ok) throw new Error("not loaded");
            return;
          }
          default:
            return assertNever(state);
        }
      } catch {
        throw new Error(`expected ${step.role} "${step.name}" to be ${state}${step.within ? ` in "${step.within}"` : ""}`);
      }
    }
    case "expectChart": {
      const isOk = (reading: ChartReading | null) =>
        reading !== null &&
        (!step.chartType || reading.roleDescription.includes(`${step.chartType} chart`) || (step.chartType === "pie" && reading.roleDescription.includes("donut chart"))) &&
        (step.segmentCount === undefined || reading.segments.length === step.segmentCount) &&
        (step.segments ?? []).every((wanted) => reading.segments.some((segment) => segmentMatches(segment, wanted)));
      const { ok, value: reading } = await poll(() => readChart(page, step.name), isOk, timeout);
      if (!ok) {
        const wanted = [step.chartType ? `a ${step.chartType} chart` : "a chart", step.segmentCount !== undefined ? `${step.segmentCount} segments` : "", ...(step.segments ?? []).map((s) => `"${s.label}${s.value ? `: ${s.value}` : ""}${s.share ? ` (${s.share})` : ""}"`)].filter(Boolean).join(", ");
        throw new Error(`expected "${step.name}" to be ${wanted}; found ${describeChart(reading)}`);
      }
      return;
    }
    case "expectStyle": {
      const { ok, value: style } = await poll(() => readStyle(page), (reading) => styleMatches(reading, step.check, step.value), timeout);
      if (!ok) throw new Error(`expected ${step.check}${step.value ? ` ${step.value}` : ""}; the page has background ${style.background}, text ${style.fontSizePx}px, font "${style.fontFamily}", accent ${style.accent ?? "none"}`);
      return;
    }
    case "expectTitle": {
      const wanted = normalize(step.text);
      const { ok, value: title } = await poll(() => page.title(), (text) => normalize(text).includes(wanted), timeout);
      if (!ok) throw new Error(`expected the page title to include "${step.text}", it is "${title}"`);
      return;
    }
    default:
      return assertNever(step);
  }
}

export function describeStep(step: Step): string {
  const within = "within" in step && step.within ? ` in "${step.within}"` : "";
  switch (step.action) {
    case "goto":
      return `goto ${step.path}`;
    case "reload":
      return "reload";
    case "clock":
      return `set the clock to ${step.at}`;
    case "advanceClock":
      return `let ${Math.round(step.ms / 1000)} s pass`;
    case "device":
      return step.name === "second" ? "switch to a second device" : "switch back to the first device";
    case "fill":
      return `fill "${step.label}" with "${step.value}"${within}`;
    case "select":
      return `select "${step.value}" in "${step.label}"${within}`;
    case "check":
      return `tick "${step.label}"${within}`;
    case "uncheck":
      return `untick "${step.label}"${within}`;
    case "upload":
      return `upload a ${step.file ?? "picture"} in "${step.label}"${within}`;
    case "click":
      return `click ${step.role} "${step.name}"${within}`;
    case "press":
      return `press ${step.key}`;
    case "drag":
      return `drag ${step.from.role} "${step.from.name}" onto ${step.to.role} "${step.to.name}"`;
    case "expectText":
      return `expect text "${step.text}"${within}`;
    case "expectNoText":
      return `expect no text "${step.text}"${within}`;
    case "expectOrder":
      return `expect ${step.texts.map((t) => `"${t}"`).join(" before ")}${within}`;
    case "expectCount":
      return `expect ${step.atLeast ? "at least " : ""}${step.count} ${step.role}${step.name ? ` "${step.name}"` : ""}${within}`;
    case "expectValue":
      return `expect "${step.label}" to show ${step.value}${within}`;
    case "expectElement":
      return `expect ${step.role} "${step.name}" ${step.state ?? "visible"}${within}`;
    case "expectChart":
      return `expect chart "${step.name}"${step.chartType ? ` (${step.chartType})` : ""}`;
    case "expectStyle":
      return `expect ${step.check}${step.value ? ` ${step.value}` : ""}`;
    case "expectTitle":
      return `expect the title to include "${step.text}"`;
    default:
      return assertNever(step);
  }
}
