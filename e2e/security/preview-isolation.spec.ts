// Previews are untrusted generated code: each project's preview is an origin of its own, and the
// preview domain serves previews and nothing else (no pages, no API, no cookies of the platform).
import { expect, test } from "@playwright/test";
import { livePreviewUrl } from "../support/previews";
import { signUp, uniqueEmail } from "../support/users";

test("two projects' previews are two origins: neither reads the other's storage", async ({ page, context }) => {
  await signUp(page, { name: "Two apps", email: uniqueEmail("previews") });
  const first = await livePreviewUrl(page, "landing page for Rosie's Bakery with our menu and opening hours");
  const second = await livePreviewUrl(page, "a unit converter");
  expect(new URL(first).origin).not.toBe(new URL(second).origin);
  expect(first).toMatch(/^http:\/\/[0-9a-f]{36}\.preview\.localhost:\d+\/$/);

  const firstTab = await context.newPage();
  await firstTab.goto(first);
  await firstTab.evaluate(() => localStorage.setItem("stolen?", "secret of the first app"));
  expect(await firstTab.evaluate(() => localStorage.getItem("stolen?"))).toBe("secret of the first app");

  const secondTab = await context.newPage();
  await secondTab.goto(second);
  expect(await secondTab.evaluate(() => localStorage.getItem("stolen?"))).toBeNull();
  expect(await secondTab.evaluate(() => Object.keys(localStorage))).not.toContain("stolen?");

  // The platform's session cookie is not the previews' to see.
  expect(await context.cookies(first)).toEqual([]);
  expect(await firstTab.evaluate(() => document.cookie)).toBe("");
});

test("the preview origin refuses the platform's pages and API", async ({ page }) => {
  await signUp(page, { name: "Prober", email: uniqueEmail("prober") });
  const preview = new URL(await livePreviewUrl(page, "a tip calculator to split the bill")).origin;
  const probe = await page.context().newPage();
  for (const path of ["/signin", "/projects", "/settings", "/api/trpc/user.me", "/api/trpc/workspace.list", "/api/auth/session", "/api/health"]) {
    const response = await probe.goto(`${preview}${path}`);
    expect(response?.status(), path).toBe(404);
    expect(await probe.content(), path).not.toMatch(/Sign in|workspace|"email"/i);
  }
  // And from the preview's own scripts: no same-origin API exists to call with the user's cookies.
  await probe.goto(`${preview}/`);
  const status = await probe.evaluate(async () => (await fetch("/api/trpc/user.me")).status).catch(() => "blocked");
  expect([404, "blocked"]).toContain(status);
  // Another project's key in the path is just a missing file of this project.
  expect((await probe.goto(`${preview}/preview/${"A".repeat(24)}/`))?.status()).toBe(404);
});
