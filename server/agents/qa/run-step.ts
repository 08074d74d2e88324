// Executes one acceptance-check step against a Playwright page.
import type { Locator, Page } from "playwright-core";
import type { TAcceptanceCheck } from "~/server/plan/plan-schema";

export type Step = TAcceptanceCheck["steps"][number];

/** Plan paths are app routes; generated apps use hash routing ("#/tasks") under the base URL. */
export function urlForPath(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  if (path.startsWith("#")) return baseUrl + path;
  return `${baseUrl}#${path.startsWith("/") ? path : `/${path}`}`;
}

// innerText (what a user sees) with whitespace collapsed; lowercased because CSS text-transform
// changes innerText ("TOTAL AMOUNT") without changing what the check means.
const visibleTextIncludes = ([needle, wanted]: [string, boolean]): boolean => {
  const text = (document.body?.innerText ?? "").replace(/\s+/g, " ").toLowerCase();
  return text.includes(needle) === wanted;
};

const normalize = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/** The exact match if there is one, else the loose match (labels and names may differ in case). */
async function pick(exact: Locator, loose: Locator, timeout: number): Promise<Locator> {
  try {
    await exact.first().waitFor({ state: "attached", timeout: Math.round(timeout * 0.6) });
    return exact.first();
  } catch {
    return loose.first();
  }
}

export async function runStep(page: Page, baseUrl: string, step: Step, timeout: number): Promise<void> {
  switch (step.action) {
    case "goto":
      await page.goto(urlForPath(baseUrl, step.path), { waitUntil: "load", timeout: timeout * 2 });
      return;
    case "reload":
      await page.reload({ waitUntil: "load", timeout: timeout * 2 });
      return;
    case "fill": {
      const field = await pick(page.getByLabel(step.label, { exact: true }), page.getByLabel(step.label), timeout);
      await field.fill(step.value, { timeout });
      return;
    }
    case "select": {
      const field = await pick(page.getByLabel(step.label, { exact: true }), page.getByLabel(step.label), timeout);
      try {
        await field.selectOption({ label: step.value }, { timeout: Math.round(timeout / 2) });
      } catch {
        await field.selectOption(step.value, { timeout: Math.round(timeout / 2) });
      }
      return;
    }
    case "click": {
      const target = await pick(page.getByRole(step.role, { name: step.name, exact: true }), page.getByRole(step.role, { name: step.name }), timeout);
      await target.click({ timeout });
      return;
    }
    case "expectText":
    case "expectNoText": {
      const wanted = step.action === "expectText";
      try {
        await page.waitForFunction(visibleTextIncludes, [normalize(step.text), wanted] as [string, boolean], { timeout, polling: 50 });
      } catch {
        throw new Error(wanted ? `expected to see "${step.text}" on the page` : `expected "${step.text}" to be gone from the page`);
      }
      return;
    }
  }
}

export function describeStep(step: Step): string {
  switch (step.action) {
    case "goto":
      return `goto ${step.path}`;
    case "reload":
      return "reload";
    case "fill":
      return `fill "${step.label}" with "${step.value}"`;
    case "select":
      return `select "${step.value}" in "${step.label}"`;
    case "click":
      return `click ${step.role} "${step.name}"`;
    case "expectText":
      return `expect text "${step.text}"`;
    case "expectNoText":
      return `expect no text "${step.text}"`;
  }
}
