import { expect, test } from "@playwright/test";
import { saveScreenshot } from "../support/artifacts";
import { createProject, signUp, uniqueEmail } from "../support/users";

test.setTimeout(420_000);

const PROMPT = "A landing page for Rosa's Bakery with a menu, opening hours and a contact form";
const finished = /^(SUCCEEDED|READY_WITH_GAPS|FAILED)$/;

test("prompt → requirements checklist in the approval gate → approve → each requirement's outcome, and a status that matches them", async ({ page }) => {
  await signUp(page, { name: "Rosa", email: uniqueEmail("requirements") });
  await page.getByLabel("Review the plan before agents build").check();
  await createProject(page, PROMPT);

  // Before anything is built: the checklist of what was asked, each with its kind and the prompt's own words.
  const checklist = page.getByTestId("requirements-checklist");
  await expect(checklist).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible();
  const planned = checklist.locator("[data-requirement-id]");
  const count = await planned.count();
  expect(count).toBeGreaterThan(0);
  for (const quote of await planned.locator("q").allInnerTexts()) expect(PROMPT).toContain(quote);
  const unsupported = await checklist.locator('[data-outcome="unsupported"]').count();
  if (unsupported > 0) {
    await expect(page.getByTestId("unsupported-requirements")).toBeVisible();
    await expect(page.getByTestId("approve-unsupported-note")).toBeVisible();
  } else {
    await expect(page.getByTestId("unsupported-requirements")).toHaveCount(0);
  }
  await saveScreenshot(page, "requirements-01-approval-gate");

  await page.getByRole("button", { name: "Approve plan" }).click();
  const badge = page.getByTestId("prompt-history").locator("[data-status]").first();
  await expect(badge).toHaveAttribute("data-status", finished, { timeout: 300_000 });

  // After QA: every requirement has an outcome, and the run's status agrees with them.
  const results = page.getByTestId("requirement-results");
  await expect(results).toBeVisible();
  const outcomes = await results.locator("[data-requirement-id]").evaluateAll((items) => items.map((item) => item.getAttribute("data-outcome")));
  expect(outcomes).toHaveLength(count);
  for (const outcome of outcomes) expect(["passed", "failed", "unsupported", "unverified"]).toContain(outcome);
  await saveScreenshot(page, "requirements-02-results");

  const status = await badge.getAttribute("data-status");
  const header = page.locator("header").filter({ has: page.getByTestId("project-name") });
  if (outcomes.every((outcome) => outcome === "passed")) {
    expect(status).toBe("SUCCEEDED");
    await expect(header.locator("[data-status]")).toHaveText("Ready");
  } else {
    // Never a plain success: the run, the project badge and the conversation say what is missing.
    expect(status).not.toBe("SUCCEEDED");
    if (status === "READY_WITH_GAPS") {
      await expect(badge).toHaveText("Ready with gaps");
      await expect(header.locator("[data-status]")).toHaveText("Ready with gaps");
      await expect(page.getByTestId("run-gaps")).toContainText(`of ${count} requirement`);
      await expect(page.getByText(/^Ready with gaps: \d+ of \d+ requirements? not (met|verified)/)).toBeVisible();
    }
    for (const failed of await results.locator('[data-outcome="failed"]').all()) await expect(failed).toContainText("Failed");
  }
});
