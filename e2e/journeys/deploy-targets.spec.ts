// The deploy journey: loopback fakes of GitHub, Vercel, Cloudflare and S3 run in this test's
// process; a workspace owner connects each one in Settings → Integrations through the same form
// (and the same base-URL fields) a real account would use, creates a project choosing its targets,
// builds an app, sees it live on the preview and the three providers, loads it in Chromium from
// each fake, and rolls one target back. The server calls the fakes over real HTTP with the real
// SDKs; the e2e server allows loopback endpoints (INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS, scripts/e2e-server.ts).
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startFakeCloudflare, type FakeCloudflare } from "../../server/integrations/testing/fake-cloudflare";
import { startFakeGitHub, type FakeGitHub } from "../../server/integrations/testing/fake-github";
import { startFakeS3, type FakeS3 } from "../../server/integrations/testing/fake-s3";
import { startFakeVercel, type FakeVercel } from "../../server/integrations/testing/fake-vercel";
import { saveScreenshot } from "../support/artifacts";
import { signUp, uniqueEmail } from "../support/users";

test.setTimeout(900_000);

const secret = (prefix: string) => `${prefix}${randomBytes(20).toString("hex")}`;
const GITHUB_TOKEN = secret("ghp_");
const VERCEL_TOKEN = secret("vcp_");
const CLOUDFLARE_TOKEN = secret("cf_");
const AWS_KEY_ID = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;
const AWS_SECRET = secret("aws/");
const CLOUDFLARE_ACCOUNT = randomBytes(16).toString("hex");
const BUCKET = "epic-e2e-sites";

let github: FakeGitHub;
let vercel: FakeVercel;
let cloudflare: FakeCloudflare;
let s3: FakeS3;

test.beforeAll(async () => {
  [github, vercel, cloudflare, s3] = await Promise.all([startFakeGitHub(), startFakeVercel(), startFakeCloudflare(), startFakeS3()]);
  github.tokens.set(GITHUB_TOKEN, { login: "octo-deployer", scopes: ["repo"] });
  vercel.tokens.set(VERCEL_TOKEN, { username: "rosie" });
  cloudflare.accounts.set(CLOUDFLARE_ACCOUNT, "Rosie's account");
  cloudflare.tokens.set(CLOUDFLARE_TOKEN, { accountId: CLOUDFLARE_ACCOUNT });
  s3.accessKeys.set(AWS_KEY_ID, {});
  s3.createBucket(BUCKET);
});

test.afterAll(async () => {
  await Promise.all([github?.stop(), vercel?.stop(), cloudflare?.stop(), s3?.stop()]);
});

/** Connects one provider through its card in Settings → Integrations (fields by the form's ids). */
async function connect(page: Page, provider: string, fields: Record<string, string>, account: string | RegExp) {
  const card = page.getByTestId(`integration-${provider}`);
  await card.getByRole("button", { name: /^Connect / }).click();
  for (const [name, value] of Object.entries(fields)) await card.locator(`#${provider}-${name}`).fill(value);
  await card.getByRole("button", { name: "Verify and connect" }).click();
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await expect(card.getByTestId("integration-details")).toContainText(account);
}

/** Serves a provider's public host (https://….vercel.app, ….workers.dev) from its fake, so Chromium loads the app at its real URL. */
async function routeHostToFake(page: Page, pattern: RegExp, fake: { servedUrl(publicUrl: string): string }) {
  await page.route(pattern, async (route) => {
    const url = new URL(route.request().url());
    const served = new URL(url.pathname.slice(1) + url.search, fake.servedUrl(url.origin));
    await route.fulfill({ response: await route.fetch({ url: served.toString() }) });
  });
}

test("connect GitHub, Vercel, Cloudflare and S3 in Settings → build an app → four live targets served by the fakes → roll Cloudflare back", async ({ page }) => {
  await signUp(page, { name: "Dee Ployer", email: uniqueEmail("deploy") });

  // Settings → Integrations: each connection verified against its fake when saved, secrets masked.
  await page.goto("/settings/integrations");
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  await connect(page, "GITHUB", { token: GITHUB_TOKEN, owner: "octo-deployer", baseUrl: github.url }, "octo-deployer");
  await connect(page, "VERCEL", { token: VERCEL_TOKEN, baseUrl: vercel.url }, "rosie");
  await connect(page, "CLOUDFLARE", { apiToken: CLOUDFLARE_TOKEN, accountId: CLOUDFLARE_ACCOUNT, baseUrl: cloudflare.url }, /Rosie's account/);
  await connect(page, "AWS", { accessKeyId: AWS_KEY_ID, secretAccessKey: AWS_SECRET, region: "eu-west-1", bucket: BUCKET, endpoint: s3.url }, `s3://${BUCKET}`);
  const settingsText = await page.getByTestId("integrations").innerText();
  for (const value of [GITHUB_TOKEN, VERCEL_TOKEN, CLOUDFLARE_TOKEN, AWS_SECRET]) expect(settingsText).not.toContain(value);
  await saveScreenshot(page, "deploy-01-integrations");

  // A new project deploying to the three connected providers (offered on the form once connected),
  // waiting for plan approval so its GitHub repository is linked before anything is built.
  await page.goto("/projects");
  await page.getByLabel("Review the plan before agents build").check();
  for (const label of ["Vercel", "Cloudflare Workers", "AWS S3"]) await page.getByRole("checkbox", { name: label }).check();
  await page.getByLabel("Prompt", { exact: true }).fill("landing page for Rosie's Bakery with our menu and opening hours");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/c[a-z0-9]+$/);
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible({ timeout: 60_000 });

  const targets = page.getByTestId("deploy-targets");
  for (const label of ["Vercel", "Cloudflare Workers", "AWS S3"]) await expect(targets.getByRole("checkbox", { name: label })).toBeChecked();
  await page.getByTestId("github-link-form").getByLabel("Repository name").fill("rosies-bakery");
  await page.getByTestId("github-link-form").getByRole("button", { name: "Link repository" }).click();
  await expect(page.getByTestId("github-link")).toContainText("octo-deployer/rosies-bakery");

  await page.getByRole("button", { name: "Approve plan" }).click();

  // Four live targets, each serving version 1; the version was pushed to GitHub first.
  for (const target of ["preview", "vercel", "cloudflare", "s3"]) {
    await expect(targets.getByTestId(`deploy-target-${target}`)).toContainText("live: v1", { timeout: 300_000 });
  }
  const repository = github.repo("octo-deployer", "rosies-bakery")!;
  expect(github.history("octo-deployer", "rosies-bakery", repository.defaultBranch).length).toBeGreaterThanOrEqual(2);
  const liveUrl = async (target: string) => (await targets.getByTestId(`deploy-target-${target}`).getByRole("link").getAttribute("href"))!;
  const vercelUrl = await liveUrl("vercel");
  const cloudflareUrl = await liveUrl("cloudflare");
  const s3Url = await liveUrl("s3");
  expect(vercelUrl).toMatch(/^https:\/\/[a-z0-9-]+\.vercel\.app$/);
  expect(cloudflareUrl).toMatch(/^https:\/\/[a-z0-9-]+\.epic-test\.workers\.dev$/);
  expect(s3Url).toBe(`${s3.url}/${BUCKET}/${new URL(s3Url).pathname.split("/")[2]}/`);
  await saveScreenshot(page, "deploy-02-four-live-targets");

  // The repository's own files (the Infra agent's configs and notes) are in the version, not on the public hosts.
  await expect(page.getByTestId("files-panel").getByRole("button", { name: "s3.md" })).toBeVisible();
  for (const path of ["deploy/s3.md", "wrangler.jsonc", "vercel.json", "README.md", ".github/workflows/ci.yml"]) {
    expect((await page.request.get(new URL(path, s3Url).toString())).status(), path).toBe(404);
  }
  const worker = [...cloudflare.workers.values()][0]!;
  expect(Object.keys(worker.assets)).toContain("/index.html");
  for (const path of ["/deploy/s3.md", "/wrangler.jsonc", "/README.md", "/.github/workflows/ci.yml"]) expect(Object.keys(worker.assets), path).not.toContain(path);

  // Chromium loads the app from each provider: Vercel's and Cloudflare's public hosts are routed to
  // their fakes; the S3 site is the fake's own website endpoint.
  const site = await page.context().newPage();
  await routeHostToFake(site, /^https:\/\/[^/]+\.vercel\.app\//, vercel);
  await routeHostToFake(site, /^https:\/\/[^/]+\.workers\.dev\//, cloudflare);
  for (const url of [vercelUrl, cloudflareUrl, s3Url]) {
    await site.goto(url);
    await expect(site.getByRole("banner")).toContainText(/Rosie/);
    await expect(site.getByRole("region", { name: "Menu" })).toBeVisible();
    await expect(site.locator("html")).toHaveAttribute("data-scheme", "light");
  }

  // A follow-up makes version 2, which goes to every target.
  await page.getByLabel("Ask for a change").fill("make it dark with a green accent");
  await page.getByRole("button", { name: "Send follow-up" }).click();
  await expect(page.getByRole("button", { name: "Approve plan" })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Approve plan" }).click();
  for (const target of ["preview", "vercel", "cloudflare", "s3"]) {
    await expect(targets.getByTestId(`deploy-target-${target}`)).toContainText("live: v2", { timeout: 300_000 });
  }
  for (const url of [vercelUrl, cloudflareUrl, s3Url]) {
    await site.goto(url);
    await expect(site.locator("html")).toHaveAttribute("data-scheme", "dark");
  }

  // Roll Cloudflare alone back to version 1: its live version changes, the others keep version 2.
  await targets.getByTestId("deploy-target-cloudflare").getByRole("button", { name: "Roll back to v1" }).click();
  await page.getByRole("dialog", { name: "Roll Cloudflare Workers back to v1?" }).getByRole("button", { name: /Roll back/ }).click();
  await expect(page.getByText("Cloudflare Workers serves the earlier version again")).toBeVisible({ timeout: 60_000 });
  await expect(targets.getByTestId("deploy-target-cloudflare")).toContainText("live: v1");
  for (const target of ["preview", "vercel", "s3"]) await expect(targets.getByTestId(`deploy-target-${target}`)).toContainText("live: v2");
  await site.goto(cloudflareUrl);
  await expect(site.locator("html")).toHaveAttribute("data-scheme", "light");
  await site.goto(vercelUrl);
  await expect(site.locator("html")).toHaveAttribute("data-scheme", "dark");
  await saveScreenshot(page, "deploy-03-rolled-back");
});
