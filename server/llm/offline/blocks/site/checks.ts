// Acceptance checks for the site sections (hero, menu, hours, contact, pricing, FAQ, testimonials,
// gallery, features, text, notice), written the way the site's owner would look at the page: the
// business's name as the page heading, each menu item with its price, each day's hours, the address
// lines, each package's price and what it includes, a question that opens to its answer, a picture
// that opens larger and closes with Escape. Each asserts specific text in a specific place, so a
// missing item, a wrong price or a section that does not open fails.
import type { TSection } from "~/server/plan/app-spec";
import type { TCheckStep } from "~/server/plan/check-steps";
import type { TAcceptanceCheckInput, TPlanPage } from "~/server/plan/plan-schema";
import type { CheckContext, SectionCheckGenerator } from "../registry";
import { sectionTitleOf } from "../section-title";

type Site<T extends TSection["type"]> = Extract<TSection, { type: T }>;
type StepInput = TAcceptanceCheckInput["steps"][number];

/** Step texts are at most 300 characters; long prose is checked by its opening words. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max).trim();
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "section";
/** A check stays within the step limit (60) whatever the section holds. */
const maxSteps = 58;

function check(id: string, description: string, section: TSection, page: TPlanPage, steps: StepInput[]): TAcceptanceCheckInput {
  return {
    id,
    description: description.slice(0, 300),
    requirementIds: [...new Set(section.requirementIds ?? [])],
    steps: [{ action: "goto" as const, path: page.path }, ...steps].slice(0, maxSteps),
  };
}

function within(section: TSection, ctx: CheckContext): string {
  return sectionTitleOf(section, ctx.plan);
}

export const heroChecks: SectionCheckGenerator<"hero"> = (section: Site<"hero">, page, ctx) => {
  const steps: TCheckStep[] = [
    { action: "expectElement", role: "heading", name: section.title },
    { action: "expectTitle", text: ctx.plan.appName },
    { action: "expectElement", role: "banner", name: ctx.plan.appName },
  ];
  if (section.tagline) steps.push({ action: "expectText", text: excerpt(section.tagline, 200), within: section.title });
  if (section.cta) {
    steps.push({ action: "click", role: "link", name: section.cta.label, within: section.title });
    const target = (page.sections ?? []).find((s) => s !== section && [sectionTitleOf(s, ctx.plan), s.type].some((name) => slug(name) === slug(section.cta!.target)));
    if (section.cta.target.startsWith("/")) {
      const to = ctx.plan.pages.find((p) => p.path === section.cta!.target);
      if (to) steps.push({ action: "expectTitle", text: `${to.title} · ${ctx.plan.appName}` });
    } else if (target) {
      steps.push({ action: "expectElement", role: "region", name: sectionTitleOf(target, ctx.plan) });
    }
  }
  const description = `The page opens with "${section.title}" as its heading${section.tagline ? ` and says "${excerpt(section.tagline, 80)}"` : ""}`;
  return [check(`hero-${slug(page.path)}`, description, section, page, steps)];
};

export const menuChecks: SectionCheckGenerator<"menu"> = (section: Site<"menu">, page, ctx) => {
  const steps: StepInput[] = [];
  for (const group of section.groups) {
    steps.push({ action: "expectElement", role: "table", name: group.name, within: within(section, ctx) });
    for (const item of group.items) steps.push({ action: "expectText", text: item.price, within: item.name });
  }
  const groups = section.groups.map((g) => g.name).join(", ");
  return [check(`menu-${slug(within(section, ctx))}`, `The menu lists ${groups}, each item with its price`, section, page, steps)];
};

export const hoursChecks: SectionCheckGenerator<"hours"> = (section: Site<"hours">, page, ctx) => {
  const steps: StepInput[] = [{ action: "expectOrder", texts: section.rows.map((row) => row.days).slice(0, 20), within: within(section, ctx) }];
  if (section.rows.length < 2) steps.pop();
  for (const row of section.rows) steps.push({ action: "expectText", text: row.hours, within: row.days });
  return [check(`hours-${slug(within(section, ctx))}`, `The opening hours read ${section.rows.map((r) => `${r.days} ${r.hours}`).join("; ")}`, section, page, steps)];
};

export const contactChecks: SectionCheckGenerator<"contact"> = (section: Site<"contact">, page, ctx) => {
  const steps: StepInput[] = section.lines.map((line) => ({ action: "expectText", text: excerpt(line, 200), within: within(section, ctx) }));
  return [check(`contact-${slug(within(section, ctx))}`, `"${within(section, ctx)}" shows ${section.lines.map((l) => `"${excerpt(l, 60)}"`).join(", ")}`, section, page, steps)];
};

export const pricingChecks: SectionCheckGenerator<"pricing"> = (section: Site<"pricing">, page, ctx) => {
  const steps: StepInput[] = [];
  for (const tier of section.tiers) {
    steps.push({ action: "expectText", text: tier.price, within: tier.name });
    for (const feature of tier.features.slice(0, 4)) steps.push({ action: "expectText", text: excerpt(feature, 120), within: tier.name });
  }
  if (section.tiers.length > 1) steps.push({ action: "expectOrder", texts: section.tiers.map((t) => t.name), within: within(section, ctx) });
  return [check(`pricing-${slug(within(section, ctx))}`, `Pricing shows ${section.tiers.map((t) => `${t.name} at ${t.price}`).join(", ")} with what each includes`, section, page, steps)];
};

export const faqChecks: SectionCheckGenerator<"faq"> = (section: Site<"faq">, page, ctx) => {
  const where = within(section, ctx);
  const steps: StepInput[] = [];
  for (const item of section.items.slice(0, 3)) {
    const answer = excerpt(item.answer, 120);
    steps.push({ action: "expectNoText", text: answer, within: where }, { action: "click", role: "group", name: item.question, within: where }, { action: "expectText", text: answer, within: where });
  }
  for (const item of section.items.slice(3)) steps.push({ action: "expectText", text: excerpt(item.question, 200), within: where });
  return [check(`faq-${slug(where)}`, `Each question in "${where}" opens to show its answer`, section, page, steps)];
};

export const testimonialsChecks: SectionCheckGenerator<"testimonials"> = (section: Site<"testimonials">, page, ctx) => {
  const where = within(section, ctx);
  const steps: StepInput[] = section.items.flatMap((item) => [
    { action: "expectText" as const, text: excerpt(item.quote, 120), within: where },
    { action: "expectText" as const, text: item.author, within: where },
  ]);
  return [check(`testimonials-${slug(where)}`, `"${where}" quotes ${section.items.map((i) => i.author).join(", ")}`, section, page, steps)];
};

export const galleryChecks: SectionCheckGenerator<"gallery"> = (section: Site<"gallery">, page, ctx) => {
  const where = within(section, ctx);
  const [first, second] = section.items;
  const steps: StepInput[] = [
    { action: "expectCount", role: "button", within: where, count: section.items.length },
    { action: "click", role: "button", name: first!.caption, within: where },
    { action: "expectElement", role: "dialog", name: first!.caption },
    { action: "press", key: "Escape" },
    { action: "expectCount", role: "dialog", count: 0 },
  ];
  if (second) {
    steps.push(
      { action: "click", role: "button", name: second.caption, within: where },
      { action: "expectElement", role: "dialog", name: second.caption },
      { action: "click", role: "button", name: "Close", within: second.caption },
      { action: "expectCount", role: "dialog", count: 0 },
    );
  }
  return [check(`gallery-${slug(where)}`, `"${where}" shows ${section.items.length} pictures; clicking one opens a larger view that Escape closes`, section, page, steps)];
};

export const featuresChecks: SectionCheckGenerator<"features"> = (section: Site<"features">, page, ctx) => {
  const where = within(section, ctx);
  const steps: StepInput[] = section.items.flatMap((item) => [
    { action: "expectText" as const, text: item.title, within: where },
    { action: "expectText" as const, text: excerpt(item.text, 120), within: where },
  ]);
  return [check(`features-${slug(where)}`, `"${where}" lists ${section.items.map((i) => i.title).join(", ")}`, section, page, steps)];
};

export const textChecks: SectionCheckGenerator<"text"> = (section: Site<"text">, page, ctx) => {
  const where = within(section, ctx);
  const steps: StepInput[] = section.paragraphs.map((paragraph) => ({ action: "expectText", text: excerpt(paragraph, 160), within: where }));
  return [check(`text-${slug(where)}`, `"${where}" reads "${excerpt(section.paragraphs[0]!, 80)}"`, section, page, steps)];
};

export const noticeChecks: SectionCheckGenerator<"notice"> = (section: Site<"notice">, page, ctx) => {
  const where = within(section, ctx);
  return [check(`notice-${slug(where)}`, `The page says plainly: "${excerpt(section.text, 100)}"`, section, page, [{ action: "expectText", text: excerpt(section.text, 200), within: where }])];
};

export const siteCheckGenerators = {
  hero: heroChecks,
  menu: menuChecks,
  hours: hoursChecks,
  contact: contactChecks,
  pricing: pricingChecks,
  faq: faqChecks,
  testimonials: testimonialsChecks,
  gallery: galleryChecks,
  features: featuresChecks,
  text: textChecks,
  notice: noticeChecks,
} satisfies { [T in TSection["type"]]?: SectionCheckGenerator<T> };
