// A generated app whose prompt asks for sharing keeps its records on the platform, behind the
// project's own preview origin (server/app-data/): two devices, each its own browser profile,
// see each other's changes live, through the built server's proxy, preview route and change stream.
import { expect, test, type Page } from "@playwright/test";
import { livePreviewUrl } from "../support/previews";
import { signUp, uniqueEmail } from "../support/users";

const prompt = "shared grocery list that syncs between me and my partner's phones instantly, with aisles so we can shop faster";

/** A part of the app by its name, as the QA checks find it: a region, a form or a dialog. */
const part = (on: Page, name: string) =>
  on.getByRole("region", { name, exact: true }).or(on.getByRole("form", { name, exact: true })).or(on.getByRole("dialog", { name, exact: true })).first();

test("a shared list: what one device adds, the other sees without reloading, and a third device finds it later", async ({ page, browser }) => {
  await signUp(page, { name: "Sharing", email: uniqueEmail("shared-list") });
  const preview = await livePreviewUrl(page, prompt);
  // The run's QA ran the same check on its own copy; here it is the deployed preview.
  await expect(page.getByText("Shared between devices: a change made on one shows on the others at once").first()).toBeVisible();

  const [mine, partners] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [me, partner] = await Promise.all([mine.newPage(), partners.newPage()]);
    await Promise.all([me.goto(preview), partner.goto(preview)]);
    const items = (on: Page) => part(on, "Items");
    await expect(items(partner)).toBeVisible();

    const add = part(me, "Add Item");
    await add.getByLabel("Name", { exact: true }).fill("Oat milk");
    await add.getByRole("button", { name: "Add Item" }).click();
    await expect(items(me).getByRole("listitem").filter({ hasText: "Oat milk" })).toBeVisible();
    // Pushed over the change stream: no reload on the partner's phone.
    await expect(items(partner).getByRole("listitem").filter({ hasText: "Oat milk" })).toBeVisible({ timeout: 15_000 });

    await items(partner).getByRole("button", { name: "Edit Oat milk" }).click();
    const edit = part(partner, "Edit Item");
    await edit.getByLabel("Name", { exact: true }).fill("Oat milk (2 cartons)");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(items(me).getByRole("listitem").filter({ hasText: "Oat milk (2 cartons)" })).toBeVisible({ timeout: 15_000 });

    // A device that opens the app later loads what is there from the platform, not from its own storage.
    const later = await browser.newContext();
    try {
      const third = await later.newPage();
      await third.goto(preview);
      await expect(items(third).getByRole("listitem").filter({ hasText: "Oat milk (2 cartons)" })).toBeVisible();
    } finally {
      await later.close();
    }

    // Only the shared records take writes: the app's own files stay static, even to its own scripts.
    const overwrite = await me.evaluate(async () => (await fetch("index.html", { method: "PUT", body: "<h1>defaced</h1>" })).status);
    expect(overwrite).toBe(405);
  } finally {
    await Promise.all([mine.close(), partners.close()]);
  }
});
