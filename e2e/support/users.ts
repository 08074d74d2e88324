import { expect, type Page } from "@playwright/test";

let counter = 0;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${process.pid}-${counter++}@example.test`;
}

export const PASSWORD = "a-strong-password";

export async function signUp(page: Page, { name, email }: { name: string; email: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // The first sign-up of a run meets a cold server (and the password's scrypt) on a busy machine.
  await expect(page).toHaveURL(/\/projects$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "What should we build?" })).toBeVisible();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

export async function createProject(page: Page, prompt: string) {
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/c[a-z0-9]+$/);
  await expect(page.getByTestId("project-prompt")).toHaveText(prompt);
  return page.url().split("/").at(-1)!;
}
