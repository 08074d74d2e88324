import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "../support/users";

test("the prompt form refuses empty and oversized prompts and creates nothing", async ({ page }) => {
  await signUp(page, { name: "Val", email: uniqueEmail("validator") });

  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Describe the app you want to build");

  await page.getByLabel("Prompt", { exact: true }).fill("x".repeat(20_000));
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Prompt must be under 20,000 characters");
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId("projects-empty")).toBeVisible();
});

test("keyboard only: pick an example, submit with Ctrl+Enter, rename the project", async ({ page }) => {
  await signUp(page, { name: "Kay", email: uniqueEmail("keyboard") });
  await page.getByRole("button", { name: "A recipe box with ingredients and tags" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("A recipe box with ingredients and tags");
  await page.getByLabel("Prompt", { exact: true }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(page).toHaveURL(/\/projects\/c[a-z0-9]+$/);

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Project name").fill("Family cookbook");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("project-name")).toHaveText("Family cookbook");
});

test("dark mode follows the toggle and survives a reload", async ({ page }) => {
  await signUp(page, { name: "Dee", email: uniqueEmail("dark") });
  const html = page.locator("html");
  await page.getByRole("button", { name: /theme/ }).click(); // system → light
  await expect(html).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: /theme/ }).click(); // light → dark
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
});
