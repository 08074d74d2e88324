// The eval's data-survival probe: a user's records entered in version N must still be there in
// version N+1, in the same browser profile, at the same origin. It enters one record through the
// app's own add form (the data runtime's conventions: a form named "Add <singular>", inputs
// labelled by field labels) and later looks for it on every page. Generic on purpose: it knows
// nothing of any prompt.
import type { Page } from "playwright-core";
import type { TPlan, TPlanEntity } from "~/server/plan/plan-schema";

export type SampleRecord = { entity: string; title: string; pagePath: string };

const singular = (entity: TPlanEntity) => entity.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase()).replace(/ (\w)/g, (_, c: string) => ` ${c.toLowerCase()}`);
const isoToday = () => new Date().toISOString().slice(0, 10);

/** Where the plan lets a user add records of an entity that is not a child of another (no parent to pick). */
function addablePlace(plan: TPlan): { entity: TPlanEntity; pagePath: string } | null {
  for (const page of plan.pages) {
    for (const section of page.sections ?? []) {
      if (section.type !== "records" || section.create === false) continue;
      const entity = plan.entities.find((e) => e.name === section.entity);
      if (entity && entity.belongsTo.length === 0) return { entity, pagePath: page.path };
    }
  }
  return null;
}

const gotoRoute = (page: Page, baseUrl: string, route: string) => page.goto(`${baseUrl}#${route}`, { waitUntil: "load" });

/** Adds one record; returns what to look for later, or null when the app has nowhere to add one. */
export async function enterSampleRecord(page: Page, baseUrl: string, plan: TPlan, label: string): Promise<SampleRecord | null> {
  const place = addablePlace(plan);
  if (!place) return null;
  const { entity, pagePath } = place;
  await gotoRoute(page, baseUrl, pagePath);
  const form = page.getByRole("form", { name: `Add ${singular(entity)}` });
  const title = `${label} ${entity.name}`.slice(0, 40);
  const [first, ...rest] = entity.fields;
  if (!first) return null;
  await form.getByLabel(first.label, { exact: true }).first().fill(title);
  for (const field of rest.filter((f) => f.required)) {
    const input = form.getByLabel(field.label, { exact: true }).first();
    if (field.type === "enum") await input.selectOption({ index: 0 }).catch(() => input.check());
    else if (field.type === "boolean") await input.check();
    else if (field.type === "date") await input.fill(isoToday());
    else if (field.type === "number" || field.type === "money" || field.type === "rating") await input.fill(String(field.min ?? 1));
    else if (field.type === "email") await input.fill("sample@example.com");
    else if (field.type === "url") await input.fill("https://example.com");
    else if (field.type === "time") await input.fill("09:30");
    else await input.fill("sample");
  }
  await form.getByRole("button", { name: `Add ${singular(entity)}` }).click();
  await page.getByText(title).first().waitFor({ timeout: 5_000 });
  return { entity: entity.name, title, pagePath };
}

/** True when the record entered earlier is shown on its page (or, if the pages moved, on any page). */
export async function isSampleRecordShown(page: Page, baseUrl: string, plan: TPlan, sample: SampleRecord): Promise<boolean> {
  const paths = [sample.pagePath, ...plan.pages.map((p) => p.path).filter((p) => p !== sample.pagePath)];
  for (const route of paths) {
    await gotoRoute(page, baseUrl, route);
    await page.reload({ waitUntil: "load" });
    const shown = await page.getByText(sample.title).first().waitFor({ state: "visible", timeout: 2_000 }).then(() => true, () => false);
    if (shown) return true;
  }
  return false;
}
