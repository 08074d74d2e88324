import { expect, test } from "@playwright/test";
import { saveScreenshot } from "../support/artifacts";
import { createProject, signUp, uniqueEmail } from "../support/users";

test.setTimeout(600_000);

// Issue 11's journey: prompt → requirements checklist → approve → every requirement passed →
// a follow-up adds a field → the task entered in the first version is still there in the second
// (one storage key per project, migrated on load), now with the new field.
const PROMPT = "simple to do list";
const FOLLOW_UP = "add a priority field with low, medium and high";

// The user keeps data in the preview opened in its own tab. Embedded in the dashboard, the preview
// is a third-party frame (its own site, by design), and browsers that block third-party storage —
// Playwright's contexts are incognito-like, so Chromium here — give it no localStorage: the app
// then says "Storage is unavailable in this browser" rather than pretending to save.
test("prompt → checklist → approve → all requirements passed → follow-up adds a field → earlier data still there", async ({ page }) => {
  await signUp(page, { name: "Ada", email: uniqueEmail("follow-up-data") });
  await page.getByLabel("Review the plan before agents build").check();
  await createProject(page, PROMPT);

  const checklist = page.getByTestId("requirements-checklist");
  await expect(checklist).toBeVisible({ timeout: 90_000 });
  const count = await checklist.locator("[data-requirement-id]").count();
  expect(count).toBeGreaterThan(0);
  await expect(checklist.locator('[data-outcome="unsupported"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Approve plan" }).click();

  const badge = page.getByTestId("prompt-history").locator("[data-status]").first();
  await expect(badge).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 300_000 });
  const results = page.getByTestId("requirement-results");
  await expect(results.locator('[data-outcome="passed"]')).toHaveCount(count);

  // The user opens version 1 in its own tab and keeps a task there.
  const opened = page.waitForEvent("popup");
  await page.getByTestId("preview-url").click();
  const app = await opened;
  await expect(app.getByText("Storage is unavailable", { exact: false })).toHaveCount(0);
  const addForm = app.getByRole("form", { name: "Add task" });
  await addForm.getByLabel("Title", { exact: true }).fill("Water the plants", { timeout: 30_000 });
  await addForm.getByRole("button", { name: "Add task" }).click();
  await expect(app.getByText("Water the plants", { exact: true })).toBeVisible();
  await saveScreenshot(app, "follow-up-data-01-v1");

  // The follow-up edits the app: a field on the tasks, nothing else.
  await page.getByLabel("Ask for a change").fill(FOLLOW_UP);
  await page.getByRole("button", { name: "Send follow-up" }).click();
  await expect(page.getByText("Follow-up started")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible({ timeout: 90_000 });
  await expect(checklist).toContainText("priority");
  await page.getByRole("button", { name: "Approve plan" }).click();
  await expect(page.getByTestId("prompt-history").locator("[data-status]").first()).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 300_000 });
  // Every requirement, the first prompt's included, was checked again and passed.
  await expect(results.locator('[data-outcome="passed"]')).toHaveCount(count + 1);

  // Version 2 at the same preview address, in the same browser profile: the task is still there.
  await app.reload();
  await expect(app.getByRole("form", { name: "Add task" }).getByLabel("Priority")).toBeVisible({ timeout: 30_000 });
  await expect(app.getByText("Water the plants", { exact: true })).toBeVisible();
  await saveScreenshot(app, "follow-up-data-02-v2");
});
