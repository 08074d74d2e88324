import path from "node:path";
import type { Page } from "@playwright/test";

/** Where e2e runs keep screenshots of the main pages for people to look at (CI keeps the folder). */
export const screenshotDir = path.resolve("e2e", "artifacts", "screenshots");

export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
