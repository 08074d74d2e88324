import { expect, test } from "@playwright/test";
import superjson from "superjson";
import { createProject, signOut, signUp, uniqueEmail } from "../support/users";

test("a second user can neither see nor open the first user's project, by URL or by API", async ({ page }) => {
  await signUp(page, { name: "Owner", email: uniqueEmail("owner") });
  const projectId = await createProject(page, "A private CRM for my contacts");
  await signOut(page);

  await signUp(page, { name: "Intruder", email: uniqueEmail("intruder") });
  await expect(page.getByTestId("projects-empty")).toBeVisible();

  const response = await page.goto(`/projects/${projectId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("A private CRM")).toHaveCount(0);

  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ projectId })));
  const api = await page.request.get(`/api/trpc/project.get?input=${input}`);
  expect(api.status()).toBe(404);
  expect(JSON.stringify(await api.json())).not.toContain("private CRM");

  const rename = await page.request.post("/api/trpc/project.rename", {
    data: superjson.serialize({ projectId, name: "pwned" }),
  });
  expect(rename.status()).toBe(404);
});

test("malformed project ids and signed-out API calls get clear errors, not server errors", async ({ page, request }) => {
  const anonymous = await request.get(`/api/trpc/workspace.list`);
  expect(anonymous.status()).toBe(401);

  await signUp(page, { name: "Curious", email: uniqueEmail("curious") });
  const response = await page.goto("/projects/..%2F..%2Fetc%2Fpasswd");
  expect(response?.status()).toBe(404);

  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ projectId: "not-a-cuid" })));
  const api = await page.request.get(`/api/trpc/project.get?input=${input}`);
  expect(api.status()).toBe(400);
  const body = (await api.json()) as { error: { json: { data: { code: string; zodError: unknown } } } };
  expect(body.error.json.data.code).toBe("BAD_REQUEST");
  expect(JSON.stringify(body)).toContain("Invalid id");
});
