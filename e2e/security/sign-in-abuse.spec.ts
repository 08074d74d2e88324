// Sign-in abuse without lockout: while an attacker sprays wrong passwords at an account from many
// addresses, the attacker gets 429s with Retry-After and the owner still signs in. The e2e server
// trusts one proxy (TRUST_PROXY=1), so X-Forwarded-For plays the attackers' addresses.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, signIn, signOut, signUp, uniqueEmail } from "../support/users";

async function attempt(request: APIRequestContext, email: string, password: string, address: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/projects" },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
}

test("the owner signs in with the right password while an attacker sprays wrong ones", async ({ page, playwright, baseURL }) => {
  const email = uniqueEmail("owner");
  await signUp(page, { name: "Owner", email });
  await signOut(page);

  const attacker = await playwright.request.newContext({ baseURL });
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let address = 1; address <= 12; address++) {
    for (let guess = 0; guess < 6; guess++) {
      const response = await attempt(attacker, email, `wrong-${address}-${guess}`, `203.0.113.${address}`);
      statuses.push(response.status());
      if (response.status() === 429) retryAfter ??= response.headers()["retry-after"];
    }
  }
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(12);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  await attacker.dispose();

  // The owner, in the browser, with the right password: in.
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { name: "What should we build?" })).toBeVisible();
});

test("a refused sign-in tells the person when to try again", async ({ page, playwright, baseURL }) => {
  const email = uniqueEmail("patient");
  const attacker = await playwright.request.newContext({ baseURL });
  // The browser is 127.0.0.1 (no forwarded header): exhaust that pair's attempts first.
  for (let guess = 0; guess < 6; guess++) await attempt(attacker, email, "wrong", "127.0.0.1");
  await attacker.dispose();
  await signIn(page, email, "still wrong");
  await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ minute/)).toBeVisible();
});
