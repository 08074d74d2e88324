import { expect, test } from "@playwright/test";
import { fakeGitHub } from "../support/fake-github";
import { signOut } from "../support/users";

test("GitHub sign-in: the OAuth round trip creates the account with its private email and a personal workspace; the second time signs in the same account", async ({ page }) => {
  const { user } = fakeGitHub;
  for (const visit of ["first", "second"]) {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with GitHub" }).click();
    await expect(page, `${visit} sign-in`).toHaveURL(/\/projects$/);
    // The profile hides its email; sign-in read the primary one from /user/emails.
    await expect(page.getByTestId("user-email")).toHaveText(user.email);
    await expect(page.getByRole("combobox", { name: "Workspace", exact: true }).locator("option:checked")).toHaveText(`${user.name}'s workspace`);
    await signOut(page);
  }
});
