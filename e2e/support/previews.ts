import { expect, type Page } from "@playwright/test";
import { createProject } from "./users";

/** Creates a project from `prompt` on the projects page and waits for its live preview's URL. */
export async function livePreviewUrl(page: Page, prompt: string): Promise<string> {
  await page.goto("/projects");
  await createProject(page, prompt);
  const link = page.getByTestId("preview-url");
  await expect(link).toBeVisible({ timeout: 180_000 });
  return (await link.getAttribute("href"))!;
}
