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

  // A new project with the approval gate on.
  await page.getByLabel("Review the plan before agents build").check();
  await createProject(page, "A todo app for tasks with priorities");

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
  await page.getByLabel("App name").fill("Chore Board");
  // …and add a field to the data model: the agents build exactly the edited plan.
  await page.getByLabel("New Task field", { exact: true }).fill("Notes");
  await page.getByLabel("New Task field type").selectOption("text");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByLabel("Task field 4 label")).toHaveValue("Notes");
  await saveScreenshot(page, "02b-plan-editor");
  await page.getByRole("button", { name: "Approve edited plan" }).click();
  await expect(page.getByText("Edited plan approved — building")).toBeVisible();
  await expect(page.getByTestId("plan")).toContainText("Chore Board");

  // Every stage completes, live.
  for (const stage of stageNames) {
    await expect(stages.locator(`[data-stage="${stage}"]`)).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  }
  await expect(page.getByTestId("activity")).toContainText("Run succeeded");
  await expect(page.getByText("Run succeeded — the preview is live")).toBeVisible();
  await expect(page.getByTestId("qa-results")).toContainText("All checks passed");
  await expect(page.getByTestId("qa-screenshot")).toBeVisible();

  // The generated app, with the edited name, works inside the sandboxed iframe.
  // Each project's preview has an origin of its own: <label>.preview.localhost:<port>.
  await expect(page.getByTestId("preview-url")).toHaveAttribute("href", /^http:\/\/[0-9a-f]{36}\.preview\.localhost:\d+\/$/);
  const app = page.frameLocator('iframe[title="App preview"]');
  await expect(app.locator("body")).toContainText("Chore Board", { timeout: 30_000 });
  await expect(app.getByLabel("Notes")).toBeVisible();
  await saveScreenshot(page, "03-project-ready");

  // A follow-up makes a new version.
  await page.getByLabel("Ask for a change").fill("add a due date to tasks");
  await page.getByRole("button", { name: "Send follow-up" }).click();
  await expect(page.getByText("Follow-up started")).toBeVisible();
  await expect(page.getByTestId("prompt-history")).toContainText("add a due date to tasks");
  // The project keeps its approval gate: the follow-up's plan waits too. Approve it from the keyboard.
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible({ timeout: 60_000 });
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("a");
  await expect(page.getByText("Plan approved — building")).toBeVisible();
  await expect(page.getByTestId("activity")).toContainText("Run succeeded", { timeout: 180_000 });

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

  // Roll back to v1, with confirmation.
  await page.getByTestId("deployments").getByRole("button", { name: /Roll back to v1$/ }).click();
  await page.getByRole("dialog", { name: "Roll back to v1?" }).getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByText("Rolled back to v1")).toBeVisible();
  await expect(page.getByTestId("deployments")).toContainText("Rolled back");
  await expect(app.locator("body")).toContainText("Chore Board", { timeout: 30_000 });

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
