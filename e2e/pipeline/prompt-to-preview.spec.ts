import { expect, test } from "@playwright/test";
import { createProject, signUp, uniqueEmail } from "../support/users";

test.setTimeout(360_000);

test("a prompt becomes a tested, deployed preview; a follow-up makes v2 with a diff; rollback restores v1", async ({ page }) => {
  await signUp(page, { name: "Builder", email: uniqueEmail("builder") });
  await createProject(page, "A todo app for tasks with priorities");

  // The run streams in live: every stage completes.
  const stages = page.getByTestId("stages");
  for (const stage of ["PromptCompiler", "CodeGen", "DB", "Infra", "QA", "Deploy"]) {
    await expect(stages.locator(`[data-stage="${stage}"]`)).toHaveAttribute("data-status", "done", { timeout: 120_000 });
  }
  await expect(page.getByTestId("activity")).toContainText("Run succeeded");

  // Plan, QA screenshot, files and the deployed preview are all visible.
  await expect(page.getByTestId("plan")).toContainText("Acceptance checks");
  await expect(page.getByTestId("qa-results")).toContainText("All checks passed");
  await expect(page.getByTestId("qa-screenshot")).toBeVisible();
  await expect(page.getByTestId("files-panel")).toContainText("index.html");
  const previewLink = page.getByTestId("preview-url");
  await expect(previewLink).toHaveAttribute("href", /\/preview\/[A-Za-z0-9_-]{24}\/$/);

  // The generated app works inside the sandboxed iframe.
  const app = page.frameLocator('iframe[title="App preview"]');
  await expect(app.locator("body")).toContainText(/task/i, { timeout: 30_000 });

  // Follow-up: version 2 with a diff against version 1.
  await page.getByLabel("Ask for a change").fill("add a due date to tasks");
  await page.getByRole("button", { name: "Send follow-up" }).click();
  await expect(page.getByTestId("prompt-history")).toContainText("add a due date to tasks", { timeout: 60_000 });
  await expect(page.getByTestId("activity")).toContainText("Run succeeded", { timeout: 120_000 });
  await expect(page.getByTestId("version-diff")).toContainText(/Changes from v\d+ to v\d+/);

  // Rollback to the first version, with confirmation.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /Roll back to v1$/ }).click();
  await expect(page.getByTestId("deployments")).toContainText("Rolled back");
});
