// API tokens from Settings: scope, workspace and expiry chosen there, the secret shown once, and
// revocation that ends everything the token could do.
import { expect, test } from "@playwright/test";
import superjson from "superjson";
import { signUp, uniqueEmail } from "../support/users";

test("create a read token in Settings, use it, and revoke it", async ({ page, playwright, baseURL }) => {
  await signUp(page, { name: "Token owner", email: uniqueEmail("tokens") });
  await page.goto("/settings");
  const section = page.getByTestId("api-tokens");
  await section.getByLabel("Token name").fill("ci reader");
  await section.getByLabel("Scope").selectOption("READ");
  await section.getByLabel("Expires after").selectOption("30");
  await section.getByRole("button", { name: "Create token" }).click();
  const secret = (await section.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^epic_/);
  await expect(section.getByTestId("api-token-row")).toContainText("ci reader");
  await expect(section.getByTestId("api-token-row")).toContainText("read");
  await section.getByRole("button", { name: "Done" }).click();
  await expect(section.getByTestId("new-token-secret")).toHaveCount(0);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const list = await api.get("/api/trpc/workspace.list");
  expect(list.status()).toBe(200);
  const [workspace] = superjson.deserialize((await list.json()).result.data) as Array<{ id: string }>;
  const create = await api.post("/api/trpc/project.create", { data: superjson.serialize({ workspaceId: workspace!.id, prompt: "A todo list" }) });
  expect(create.status()).toBe(403);
  const mint = await api.post("/api/trpc/user.createApiToken", { data: superjson.serialize({ name: "child", workspaceId: workspace!.id, scope: "ADMIN" }) });
  expect(mint.status()).toBe(403);

  await page.reload();
  // Last used: just now (the calls above), not "never".
  await expect(section.getByTestId("api-token-row")).not.toContainText("never");
  await section.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(section.getByText("No tokens yet.")).toBeVisible();
  expect((await api.get("/api/trpc/workspace.list")).status()).toBe(401);
  await api.dispose();
});
