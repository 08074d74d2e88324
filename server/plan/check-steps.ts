// The acceptance-check step language: what the QA agent can do and assert in a real browser.
// Checks are written by the PromptCompiler (offline or a model) and run by
// server/agents/qa/run-step.ts against the generated app. Steps address things the way a user
// (or a screen reader) finds them — by label, role and accessible name, visible text — never by
// CSS selectors, so a check stays true to what a person would see and do.
//
// Values may contain date tokens, resolved by QA against the page's clock (the fixed clock of a
// `clock` step, else today): {{today}}, {{today+3}}, {{today-1}}, {{monthStart}}, {{yearStart}}
// → ISO dates (YYYY-MM-DD). They let a check say "a loan due yesterday" and mean it on any day.
import { z } from "zod";

const text = z.string().min(1).max(300);
const accessibleName = z.string().min(1).max(160);

/** Roles a step may target (ARIA roles, as Playwright's getByRole understands them). */
export const stepRoles = [
  "button", "link", "tab", "checkbox", "radio", "switch", "option", "menuitem",
  "heading", "listitem", "row", "cell", "columnheader", "article", "region", "list", "table",
  "form", "group", "dialog", "alert", "status", "img", "figure", "textbox", "combobox",
  "spinbutton", "slider", "progressbar", "meter", "timer", "navigation", "banner", "main",
] as const;
export const ZStepRole = z.enum(stepRoles);

/**
 * Scopes a step to a container found by its accessible name: a region (a <section> labelled by
 * its heading), list, table, form, group, dialog, article, figure or navigation.
 */
const within = accessibleName.optional().describe("accessible name of the container to look in, e.g. the heading of a section: \"Overdue loans\"");
/** Which match to use when several elements fit (0-based); default the first. */
const nth = z.number().int().min(0).max(50).optional();

export const styleChecks = ["dark-background", "light-background", "large-text", "serif-font", "accent-hue"] as const;

export const ZCheckStep = z.discriminatedUnion("action", [
  // ── Navigation and time ──
  z.object({ action: z.literal("goto"), path: z.string().max(300) }),
  z.object({ action: z.literal("reload") }),
  /** Installs a controllable clock at this local date-time (ISO); put it before the first goto. */
  z.object({ action: z.literal("clock"), at: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, "expected YYYY-MM-DD or YYYY-MM-DDTHH:mm") }),
  /** Moves an installed clock forward, firing timers on the way (timers, countdowns). */
  z.object({ action: z.literal("advanceClock"), ms: z.number().int().min(1).max(7 * 24 * 3600 * 1000) }),
  /**
   * Acts on another device from here on: "second" is a browser of its own (no shared storage,
   * cookies or page) opening the same app, "first" the check's own. For data shared between
   * devices: what one adds, the other must show without a reload. Open a page with goto after
   * switching to a device for the first time.
   */
  z.object({ action: z.literal("device"), name: z.enum(["first", "second"]) }),

  // ── Doing ──
  z.object({ action: z.literal("fill"), label: accessibleName, value: z.string().max(2000), within }),
  z.object({ action: z.literal("select"), label: accessibleName, value: z.string().max(200), within }),
  z.object({ action: z.literal("check"), label: accessibleName, within }),
  z.object({ action: z.literal("uncheck"), label: accessibleName, within }),
  /** Picks a file in the file input with this label: a small generated picture (a PNG), as a person uploads a photo. */
  z.object({ action: z.literal("upload"), label: accessibleName, file: z.enum(["picture"]).default("picture"), within }),
  z.object({ action: z.literal("click"), role: ZStepRole, name: accessibleName, within, nth }),
  z.object({ action: z.literal("press"), key: z.string().min(1).max(30) }),
  /** Drags one element onto another (kanban cards, setlists); apps should also offer buttons. */
  z.object({
    action: z.literal("drag"),
    from: z.object({ role: ZStepRole, name: accessibleName, within }),
    to: z.object({ role: ZStepRole, name: accessibleName, within }),
  }),

  // ── Seeing ──
  z.object({ action: z.literal("expectText"), text, within }),
  z.object({ action: z.literal("expectNoText"), text, within }),
  /** These texts appear in this order (top to bottom), e.g. newest first or sorted by date. */
  z.object({ action: z.literal("expectOrder"), texts: z.array(text).min(2).max(20), within }),
  z.object({ action: z.literal("expectCount"), role: ZStepRole, name: accessibleName.optional(), within, count: z.number().int().min(0).max(1000), atLeast: z.boolean().optional() }),
  /** The value of a field (input, select, textarea) or an <output> found by its label. Numbers compare numerically. */
  z.object({ action: z.literal("expectValue"), label: accessibleName, value: z.string().max(500), within }),
  /** `loaded`: an image (role img) that is visible and whose picture was decoded and drawn, not just its alt text. */
  z.object({ action: z.literal("expectElement"), role: ZStepRole, name: accessibleName, within, nth, state: z.enum(["visible", "hidden", "checked", "unchecked", "enabled", "disabled", "loaded"]).optional().describe("default visible") }),
  /**
   * A chart found by its accessible name (a figure/img labelled e.g. "Spending by category"),
   * of a type (its aria-roledescription contains "pie chart", "bar chart", "line chart"), with
   * segments each labelled "<label>: <value> (<share>)" — the generated apps' chart contract.
   */
  z.object({
    action: z.literal("expectChart"),
    name: accessibleName,
    chartType: z.enum(["pie", "donut", "bar", "line"]).optional(),
    segments: z.array(z.object({ label: text, value: z.string().max(60).optional(), share: z.string().max(20).optional() })).max(30).optional(),
    segmentCount: z.number().int().min(0).max(100).optional(),
  }),
  /** Appearance a user would notice: dark or light background, large text, a serif font, an accent colour. */
  z.object({ action: z.literal("expectStyle"), check: z.enum(styleChecks), value: z.string().max(40).optional() }),
  z.object({ action: z.literal("expectTitle"), text }),
]);

export type TCheckStep = z.infer<typeof ZCheckStep>;
export type TCheckAction = TCheckStep["action"];

export const ZAcceptanceCheck = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  description: z.string().min(1).max(300),
  /** The requirements this check verifies; empty for baseline checks (the app loads). */
  requirementIds: z.array(z.string().regex(/^r[a-z0-9-]{1,40}$/)).max(20).optional(),
  /** Machine-runnable steps for the QA agent's browser run. */
  steps: z.array(ZCheckStep).min(1).max(60),
});
export type TAcceptanceCheck = z.infer<typeof ZAcceptanceCheck>;
