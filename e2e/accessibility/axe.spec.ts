import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { saveScreenshot } from "../support/artifacts";
import { createProject, signUp, uniqueEmail } from "../support/users";

test.setTimeout(240_000);

/** Serious and critical WCAG A/AA problems only; the summary names each rule and where it hit. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("the main pages have no serious or critical accessibility violations in light and dark mode, and fit a phone screen", async ({ page }) => {
  for (const path of ["/signin", "/signup"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }

  await signUp(page, { name: "Ally", email: uniqueEmail("axe") });
  await page.getByLabel("Review the plan before agents build").check();
  const projectId = await createProject(page, "A recipe box with ingredients and tags");
  // The plan waits for approval: the page with the most controls on it.
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible({ timeout: 60_000 });

  const pages: Array<{ path: string; ready: (page: Page) => Promise<void> }> = [
    { path: "/projects", ready: async (p) => void (await expect(p.getByRole("heading", { name: "What should we build?" })).toBeVisible()) },
    { path: `/projects/${projectId}`, ready: async (p) => void (await expect(p.getByRole("button", { name: "Approve plan" })).toBeVisible()) },
    { path: "/analytics", ready: async (p) => void (await expect(p.getByRole("heading", { name: "Analytics" })).toBeVisible()) },
    { path: "/settings", ready: async (p) => void (await expect(p.getByRole("heading", { name: /^Settings/ })).toBeVisible()) },
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const target of pages) {
      await page.goto(target.path);
      await target.ready(page);
      // Let lazy parts (charts, highlighted code) settle before the scan.
      await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
      expect(await seriousViolations(page), `${target.path} (${colorScheme})`).toEqual([]);
    }
    // The plan editor and the shortcuts dialog only exist after a click or a key.
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(page.getByLabel("App name")).toBeVisible();
    expect(await seriousViolations(page), `plan editor (${colorScheme})`).toEqual([]);
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    expect(await seriousViolations(page), `shortcuts dialog (${colorScheme})`).toEqual([]);
    await page.keyboard.press("Escape");
  }

  // A phone: nothing may scroll sideways, and the main navigation is still there.
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const target of pages) {
    await page.goto(target.path);
    await target.ready(page);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${target.path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `phone${target.path.replace(projectId, "project").replaceAll("/", "-")}`);
  }
});
