import { expect, test } from "@playwright/test";
import { createProject, PASSWORD, signIn, signOut, signUp, uniqueEmail } from "../support/users";

test("a newcomer signs up, creates a project, sees it listed, signs out and back in", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await signUp(page, { name: "Nora", email });
  await expect(page.getByTestId("projects-empty")).toBeVisible();

  const prompt = "A todo app with due dates and priorities";
  const projectId = await createProject(page, prompt);
  await expect(page.getByTestId("project-name")).toHaveText("Todo");
  // The agents pick the run up at once: the live run panel follows it.
  await expect(page.getByTestId("live-run")).toBeVisible();

  await page.getByRole("link", { name: "Projects", exact: true }).first().click();
  const list = page.getByTestId("project-list");
  await expect(list.getByRole("link", { name: /^Todo\b/ })).toHaveAttribute("href", `/projects/${projectId}`);

  await signOut(page);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, email, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password");

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId("project-list")).toContainText(prompt);
});

test("sign-up explains what is wrong with the form", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();

  const email = uniqueEmail("twice");
  await signUp(page, { name: "Twice", email });
  await signOut(page);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already exists");
});
