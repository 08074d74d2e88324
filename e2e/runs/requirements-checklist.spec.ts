import { expect, test } from "@playwright/test";
import { saveScreenshot } from "../support/artifacts";
import { createProject, signUp, uniqueEmail } from "../support/users";

test.setTimeout(420_000);

// A small site the offline compiler builds and checks, plus something it cannot build offline
// (accounts): the run must go live but say so, never "Succeeded".
const PROMPT = "landing page for Rosie's Bakery with our menu and opening hours, plus a login for staff";

test("prompt → requirements checklist in the approval gate → approve → each requirement's outcome, and a status that matches them", async ({ page }) => {
  await signUp(page, { name: "Rosie", email: uniqueEmail("requirements") });
  await page.getByLabel("Review the plan before agents build").check();
  await createProject(page, PROMPT);

  // Before anything is built: the checklist of what was asked, each with its kind and the prompt's
  // own words, and what cannot be built called out before approval.
  const checklist = page.getByTestId("requirements-checklist");
  await expect(checklist).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible();
  const planned = checklist.locator("[data-requirement-id]");
  const count = await planned.count();
  expect(count).toBeGreaterThan(1);
  for (const quote of await planned.locator("q").allInnerTexts()) expect(PROMPT).toContain(quote);
  const unsupportedIds = await checklist.locator('[data-outcome="unsupported"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-requirement-id")));
  expect(unsupportedIds.length).toBeGreaterThan(0);
  await expect(checklist.locator('[data-outcome="unsupported"]').first()).toContainText("Not supported");
  await expect(page.getByTestId("unsupported-requirements")).toBeVisible();
  await expect(page.getByTestId("approve-unsupported-note")).toContainText("will not be built");
  await saveScreenshot(page, "requirements-01-approval-gate");

  await page.getByRole("button", { name: "Approve plan" }).click();
  const badge = page.getByTestId("prompt-history").locator("[data-status]").first();
  await expect(badge).toHaveAttribute("data-status", /^(SUCCEEDED|READY_WITH_GAPS|FAILED)$/, { timeout: 300_000 });

  // Deployed, but not everything asked for is there: never a plain success, anywhere.
  await expect(page.getByText(/^Ready with gaps: \d+ of \d+ requirements? not met/)).toBeVisible();
  await expect(badge).toHaveAttribute("data-status", "READY_WITH_GAPS");
  await expect(badge).toHaveText("Ready with gaps");
  await expect(page.getByTestId("run-gaps")).toContainText(`of ${count} requirements not met`);
  const header = page.locator("header").filter({ has: page.getByTestId("project-name") });
  await expect(header.locator("[data-status]")).toHaveText("Ready with gaps");

  // After QA: every requirement has an outcome; the unsupported ones stay unsupported.
  const results = page.getByTestId("requirement-results");
  await expect(results).toBeVisible();
  const outcomes = await results
    .locator("[data-requirement-id]")
    .evaluateAll((items) => items.map((item) => ({ id: item.getAttribute("data-requirement-id"), outcome: item.getAttribute("data-outcome") })));
  expect(outcomes).toHaveLength(count);
  for (const { id, outcome } of outcomes) {
    if (unsupportedIds.includes(id)) expect(outcome).toBe("unsupported");
    else expect(["passed", "failed", "unverified"]).toContain(outcome);
  }
  for (const failed of await results.locator('[data-outcome="failed"]').all()) await expect(failed).toContainText("Failed");
  await saveScreenshot(page, "requirements-02-results");
});
