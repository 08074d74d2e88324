// The site sections' check generators: which steps each writes, tagged with which requirements,
// all valid in the step language; and that they run through the plan's check dispatcher.
import { describe, expect, it } from "vitest";
import { ZAcceptanceCheck } from "~/server/plan/check-steps";
import { ZPlan, type TPlan, type TPlanInput } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../../compile-app-plan";
import { buildAcceptanceChecks } from "../../checks/index";
import { sectionCheckGenerators } from "../registry";
import { excerpt, siteCheckGenerators } from "./checks";

const input: TPlanInput = {
  appName: "The Little Fox Café",
  summary: "x",
  kind: "landing",
  theme: { colorScheme: "light", accent: "#b45309" },
  requirements: [{ id: "r1", kind: "name", text: "Named", quote: "The Little Fox Café", status: "planned" }],
  pages: [{
    path: "/", title: "Home", purpose: "x", sections: [
      { type: "hero", title: "The Little Fox Café", tagline: "Café in Bristol", cta: { label: "See the menu", target: "Menu" }, requirementIds: ["r1", "r2"] },
      { type: "menu", title: "Menu", groups: [{ name: "Coffees", items: [{ name: "Flat white", price: "£3.20" }, { name: "Latte", price: "£3.40" }] }, { name: "Cakes", items: [{ name: "Carrot cake", price: "£4.00" }] }], requirementIds: ["r3", "r4"] },
      { type: "hours", title: "Opening hours", rows: [{ days: "Monday – Friday", hours: "8:00 – 17:00" }, { days: "Sunday", hours: "10:00 – 16:00" }], requirementIds: ["r5"] },
      { type: "contact", title: "Find us", lines: ["12 High Street, Bristol", "hello@example.com"], requirementIds: ["r6", "r2"] },
      { type: "pricing", tiers: [{ name: "Small", price: "£10", features: ["One cake"] }, { name: "Large", price: "£30", features: ["Three cakes", "A card"] }], requirementIds: ["r7"] },
      { type: "faq", title: "Questions", items: [{ question: "Do you do gluten free?", answer: "Yes: ask for the gluten-free cakes at the counter, baked fresh every morning." }], requirementIds: ["r8"] },
      { type: "gallery", title: "Gallery", items: [{ caption: "Our counter" }, { caption: "The garden" }], requirementIds: ["r9"] },
      { type: "testimonials", title: "Reviews", items: [{ quote: "Best flat white in town.", author: "Sam" }] },
      { type: "features", title: "Why us", items: [{ title: "Local", text: "Beans roasted in Bristol." }] },
      { type: "text", title: "Our story", paragraphs: ["We opened in 2019 with one oven and a lot of hope."] },
      { type: "notice", title: "Good to know", tone: "info", text: "Card payments only." },
    ],
  }],
  entities: [],
  features: [],
  acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }],
  tasks: [{ id: "code", agent: "CodeGen", description: "x" }],
};

const plan: TPlan = ZPlan.parse(input);
const checks = buildAcceptanceChecks(plan);
const byId = (id: string) => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} among ${checks.map((c) => c.id).join(", ")}`);
  return found;
};

describe("site check generators", () => {
  it("are registered for every site section", () => {
    for (const type of Object.keys(siteCheckGenerators)) expect(sectionCheckGenerators[type as keyof typeof sectionCheckGenerators]).toBe(siteCheckGenerators[type as keyof typeof siteCheckGenerators]);
  });

  it("write valid checks, each tagged with its section's requirements", () => {
    for (const check of checks) expect(() => ZAcceptanceCheck.parse(check)).not.toThrow();
    expect(byId("hero-section").requirementIds).toEqual(["r1", "r2"]);
    expect(byId("menu-menu").requirementIds).toEqual(["r3", "r4"]);
    expect(byId("contact-find-us").requirementIds).toEqual(["r6", "r2"]);
    expect(byId("testimonials-reviews").requirementIds).toEqual([]);
  });

  it("check the hero: heading, title, banner, tagline, and where its call to action leads", () => {
    expect(byId("hero-section").steps).toEqual([
      { action: "goto", path: "/" },
      { action: "expectElement", role: "heading", name: "The Little Fox Café" },
      { action: "expectTitle", text: "The Little Fox Café" },
      { action: "expectElement", role: "banner", name: "The Little Fox Café" },
      { action: "expectText", text: "Café in Bristol", within: "The Little Fox Café" },
      { action: "click", role: "link", name: "See the menu", within: "The Little Fox Café" },
      { action: "expectElement", role: "region", name: "Menu" },
    ]);
  });

  it("check every menu group and every item's price on its own row", () => {
    expect(byId("menu-menu").steps.slice(1)).toEqual([
      { action: "expectElement", role: "table", name: "Coffees", within: "Menu" },
      { action: "expectText", text: "£3.20", within: "Flat white" },
      { action: "expectText", text: "£3.40", within: "Latte" },
      { action: "expectElement", role: "table", name: "Cakes", within: "Menu" },
      { action: "expectText", text: "£4.00", within: "Carrot cake" },
    ]);
  });

  it("check the hours of each day, in order", () => {
    expect(byId("hours-opening-hours").steps.slice(1)).toEqual([
      { action: "expectOrder", texts: ["Monday – Friday", "Sunday"], within: "Opening hours" },
      { action: "expectText", text: "8:00 – 17:00", within: "Monday – Friday" },
      { action: "expectText", text: "10:00 – 16:00", within: "Sunday" },
    ]);
  });

  it("check each contact line, the city included", () => {
    expect(byId("contact-find-us").steps.slice(1)).toEqual([
      { action: "expectText", text: "12 High Street, Bristol", within: "Find us" },
      { action: "expectText", text: "hello@example.com", within: "Find us" },
    ]);
  });

  it("check each tier's price and what it includes, in order, under the default title", () => {
    expect(byId("pricing-pricing").steps.slice(1)).toEqual([
      { action: "expectText", text: "£10", within: "Small" },
      { action: "expectText", text: "One cake", within: "Small" },
      { action: "expectText", text: "£30", within: "Large" },
      { action: "expectText", text: "Three cakes", within: "Large" },
      { action: "expectText", text: "A card", within: "Large" },
      { action: "expectOrder", texts: ["Small", "Large"], within: "Pricing" },
    ]);
  });

  it("check that a question opens to its answer, hidden before", () => {
    const answer = "Yes: ask for the gluten-free cakes at the counter, baked fresh every morning.";
    expect(byId("faq-questions").steps.slice(1)).toEqual([
      { action: "expectNoText", text: answer, within: "Questions" },
      { action: "click", role: "group", name: "Do you do gluten free?", within: "Questions" },
      { action: "expectText", text: answer, within: "Questions" },
    ]);
  });

  it("check that a picture opens larger and closes with Escape or Close", () => {
    expect(byId("gallery-gallery").steps.slice(1)).toEqual([
      { action: "expectCount", role: "button", within: "Gallery", count: 2 },
      { action: "click", role: "button", name: "Our counter", within: "Gallery" },
      { action: "expectElement", role: "dialog", name: "Our counter" },
      { action: "press", key: "Escape" },
      { action: "expectCount", role: "dialog", count: 0 },
      { action: "click", role: "button", name: "The garden", within: "Gallery" },
      { action: "expectElement", role: "dialog", name: "The garden" },
      { action: "click", role: "button", name: "Close", within: "The garden" },
      { action: "expectCount", role: "dialog", count: 0 },
    ]);
  });

  it("check quotes, features, prose and notices by their words", () => {
    expect(byId("testimonials-reviews").steps.slice(1)).toEqual([{ action: "expectText", text: "Best flat white in town.", within: "Reviews" }, { action: "expectText", text: "Sam", within: "Reviews" }]);
    expect(byId("features-why-us").steps.slice(1)).toEqual([{ action: "expectText", text: "Local", within: "Why us" }, { action: "expectText", text: "Beans roasted in Bristol.", within: "Why us" }]);
    expect(byId("text-our-story").steps.slice(1)).toEqual([{ action: "expectText", text: "We opened in 2019 with one oven and a lot of hope.", within: "Our story" }]);
    expect(byId("notice-good-to-know").steps.slice(1)).toEqual([{ action: "expectText", text: "Card payments only.", within: "Good to know" }]);
  });

  it("keep long texts within the step language's limits", () => {
    expect(excerpt("short")).toBe("short");
    const long = "word ".repeat(100);
    expect(excerpt(long, 120).length).toBeLessThanOrEqual(120);
    expect(excerpt(long, 120).endsWith("word")).toBe(true);
    const big = ZPlan.parse({ ...input, pages: [{ path: "/", title: "Home", purpose: "x", sections: [{ type: "menu", title: "Menu", groups: Array.from({ length: 12 }, (_, g) => ({ name: `Group ${g}`, items: Array.from({ length: 30 }, (_, i) => ({ name: `Item ${g}-${i}`, price: `£${i}` })) })) }] }] });
    for (const check of buildAcceptanceChecks(big)) expect(() => ZAcceptanceCheck.parse(check)).not.toThrow();
  });

  it("check the sites the compiler plans", () => {
    const compiled = compileAppPlan("landing page for Rosie's Bakery with our menu and opening hours");
    if (!compiled.ok) throw new Error(compiled.error);
    const ids = compiled.plan.acceptanceChecks.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["hero-section", "menu-menu", "hours-opening-hours"]));
    const requirements = (compiled.plan.requirements ?? []).filter((r) => r.status === "planned").map((r) => r.id);
    const checked = new Set(compiled.plan.acceptanceChecks.flatMap((c) => c.requirementIds ?? []));
    expect(requirements.filter((id) => !checked.has(id))).toEqual([]);
  });
});
