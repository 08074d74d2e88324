import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, signUp, uniqueEmail } from "../support/users";

test.setTimeout(180_000);

const switcher = (page: Page) => page.getByRole("combobox", { name: "Workspace", exact: true });

test("an owner invites a teammate by email, the teammate joins through the link, gets promoted, then is removed", async ({ page }) => {
  const ownerEmail = uniqueEmail("team-owner");
  const mateEmail = uniqueEmail("team-mate");
  await signUp(page, { name: "Olive Owner", email: ownerEmail });

  // A personal workspace is private: the owner makes a team workspace to share.
  await page.goto("/settings");
  await page.getByLabel("Team workspace name").fill("Acme Studio");
  await page.getByRole("button", { name: "Create team workspace" }).click();
  await expect(switcher(page)).toHaveValue(/.+/);
  await switcher(page).selectOption({ label: "Acme Studio" });
  await expect(page.getByRole("heading", { name: /^Settings · Acme Studio/ })).toBeVisible();

  await page.getByLabel("Email", { exact: true }).fill(mateEmail.toUpperCase());
  await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link for/).inputValue();
  expect(decodeURIComponent(link)).toContain("/invite/");
  await expect(page.locator("section[aria-labelledby=invitations-heading]")).toContainText(mateEmail);
  await signOut(page);

  // The teammate opens the link signed out, creates an account with the invited email, and accepts.
  await page.goto(link);
  await expect(page.getByText("You have been invited to a workspace")).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Mo Mate");
  await page.getByLabel("Email").fill(mateEmail);
  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Acme Studio|invit/i);
  await page.getByRole("button", { name: "Accept and join" }).click();
  await expect(page.getByText(/You joined Acme Studio/)).toBeVisible();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(switcher(page)).toHaveValue(/.+/);
  await expect(switcher(page).locator("option:checked")).toHaveText("Acme Studio");
  // A viewer may look but not build.
  await expect(page.getByRole("button", { name: "Create project" })).toHaveCount(0);
  await signOut(page);

  // The owner sees the new member, promotes them, then removes them with confirmation.
  await signIn(page, ownerEmail);
  await expect(page).toHaveURL(/\/projects$/);
  await page.goto("/settings");
  await switcher(page).selectOption({ label: "Acme Studio" });
  const role = page.getByLabel("Role of Mo Mate");
  await expect(role).toHaveValue("VIEWER");
  await role.selectOption("MEMBER");
  await expect(page.getByText(/Mo Mate is now/i)).toBeVisible();
  await page.reload();
  await switcher(page).selectOption({ label: "Acme Studio" });
  await expect(page.getByLabel("Role of Mo Mate")).toHaveValue("MEMBER");

  await page.getByRole("button", { name: "Remove Mo Mate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByLabel("Role of Mo Mate")).toHaveCount(0);
});
