import { expect, test } from "@playwright/test";
import { saveScreenshot } from "../support/artifacts";
import { createProject, signIn, signOut, signUp, uniqueEmail } from "../support/users";

test.setTimeout(420_000);

const stageNames = ["PromptCompiler", "CodeGen", "DB", "Infra", "QA", "Deploy"];

test("sign in → prompt → live stages → edit and approve the plan → preview → follow-up with files and a line diff → rollback → analytics", async ({ page }) => {
  const email = uniqueEmail("journey");
  await signUp(page, { name: "Jo Journey", email });
  await signOut(page);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/projects$/);
  await saveScreenshot(page, "01-projects");

  // A new project with the approval gate on: a bakery's one-page site (sections the runtime has).
  await page.getByLabel("Review the plan before agents build").check();
  await createProject(page, "landing page for Rosie's Bakery with our menu and opening hours");

  // The plan streams in and waits for a person; building has not started.
  const stages = page.getByTestId("stages");
  await expect(stages.locator('[data-stage="PromptCompiler"]')).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(page.getByTestId("activity")).toContainText("Plan ready — waiting for approval");
  await expect(page.getByTestId("plan")).toContainText("Acceptance checks");
  await expect(stages.locator('[data-stage="CodeGen"]')).toHaveAttribute("data-status", "pending");
  await saveScreenshot(page, "02-plan-approval");

  // Edit the plan in the form (an empty name is refused before it reaches the server), then approve the edit.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByLabel("App name").fill("");
  await expect(page.getByRole("button", { name: "Approve edited plan" })).toBeDisabled();
  await expect(page.getByRole("alert").filter({ hasText: "appName" })).toBeVisible();
  await page.getByLabel("App name").fill("Rosie's Bakery");
  // …and drop the baseline "app loads" check: the agents build, and QA runs, exactly the edited plan.
  // (Not a rename: the planned checks quote the name, and the form does not rewrite their steps.
  // Not a requirement's check either: a requirement left without a check ends "Ready with gaps".)
  await page.getByRole("button", { name: /^Drop check \d+: The app loads/ }).click();
  await expect(page.getByRole("button", { name: /^Drop check \d+: The app loads/ })).toHaveCount(0);
  await saveScreenshot(page, "02b-plan-editor");
  await page.getByRole("button", { name: "Approve edited plan" }).click();
  await expect(page.getByText("Edited plan approved — building")).toBeVisible();
  await expect(page.getByTestId("plan")).not.toContainText("The app loads and shows");

  // Every stage completes, live.
  for (const stage of stageNames) {
    await expect(stages.locator(`[data-stage="${stage}"]`)).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  }
  await expect(page.getByTestId("activity")).toContainText("Run succeeded");
  await expect(page.getByText("Run succeeded — the preview is live")).toBeVisible();
  await expect(page.getByTestId("qa-results")).toContainText("All checks passed");
  await expect(page.getByTestId("qa-results")).toContainText("The menu lists");
  await expect(page.getByTestId("qa-results")).toContainText("The opening hours read");
  await expect(page.getByTestId("qa-results")).not.toContainText("The app loads and shows");
  await expect(page.getByTestId("qa-screenshot")).toBeVisible();

  // The generated site works inside the sandboxed iframe.
  // Each project's preview has an origin of its own: <label>.preview.localhost:<port>.
  await expect(page.getByTestId("preview-url")).toHaveAttribute("href", /^http:\/\/[0-9a-f]{36}\.preview\.localhost:\d+\/$/);
  const app = page.frameLocator('iframe[title="App preview"]');
  await expect(app.getByRole("banner")).toContainText("Rosie's Bakery", { timeout: 30_000 });
  await expect(app.getByRole("region", { name: "Menu" })).toBeVisible();
  await expect(app.getByRole("region", { name: "Opening hours" })).toBeVisible();
  await expect(app.locator("html")).toHaveAttribute("data-scheme", "light");
  await saveScreenshot(page, "03-project-ready");

  // A follow-up makes a new version: the same site, restyled.
  await page.getByLabel("Ask for a change").fill("make it dark with a green accent");
  await page.getByRole("button", { name: "Send follow-up" }).click();
  await expect(page.getByText("Follow-up started")).toBeVisible();
  await expect(page.getByTestId("prompt-history")).toContainText("make it dark with a green accent");
  // The project keeps its approval gate: the follow-up's plan waits too. Approve it from the keyboard.
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible({ timeout: 60_000 });
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("a");
  await expect(page.getByText("Plan approved — building")).toBeVisible();
  await expect(page.getByTestId("activity")).toContainText("Run succeeded", { timeout: 180_000 });
  // The preview frame keeps the page it loaded (its URL is the project's live address, which does
  // not change): reload to see the new version.
  await page.reload();
  await expect(app.locator("html")).toHaveAttribute("data-scheme", "dark", { timeout: 30_000 });
  await expect(app.getByRole("banner")).toContainText("Rosie's Bakery");

  // Files: the tree, highlighted code, and a line diff against the previous version.
  const files = page.getByTestId("files-panel");
  await expect(page.getByTestId("version-diff")).toContainText(/Changes from v\d+ to v\d+: [1-9]\d* file\(s\)/);
  await files.getByRole("list", { name: "Files" }).getByRole("button", { name: "index.html" }).click();
  await expect(page.getByRole("region", { name: "Contents of index.html" })).toHaveAttribute("data-highlighted", "true");
  await page.getByTestId("version-diff").getByRole("button").first().click();
  const lineDiff = page.getByRole("region", { name: /^Changes to .+ from v\d+ to v\d+$/ });
  await expect(lineDiff).toBeVisible();
  await expect(lineDiff).toContainText(/Added|Removed/);
  await saveScreenshot(page, "04-files-and-diff");

  // Roll back to v1, with confirmation: the light site is live again.
  await page.getByTestId("deployments").getByRole("button", { name: /Roll back to v1$/ }).click();
  await page.getByRole("dialog", { name: "Roll back to v1?" }).getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByText("Rolled back to v1")).toBeVisible();
  await expect(page.getByTestId("deployments")).toContainText("Rolled back");
  await page.reload();
  await expect(app.getByRole("banner")).toContainText("Rosie's Bakery", { timeout: 30_000 });
  await expect(app.locator("html")).toHaveAttribute("data-scheme", "light", { timeout: 30_000 });

  // Analytics (reached with the keyboard: g then a) counts both runs.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("g");
  await page.keyboard.press("a");
  await expect(page).toHaveURL(/\/analytics$/);
  const stats = page.getByTestId("analytics-stats");
  await expect(stats).toContainText("2 succeeded · 0 failed");
  await expect(stats).toContainText("100%");
  await expect(page.getByRole("img", { name: /runs/i }).first()).toBeVisible();
  // The charts are loaded lazily; wait for them before the screenshot.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await saveScreenshot(page, "05-analytics");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: /^Settings/ })).toBeVisible();
  await saveScreenshot(page, "06-settings");
});
