// The heading a section shows, which is also its accessible name: checks find a section with
// `within: <this>`, and the generator writes it into src/spec.js, so both always agree. compose/
// titles every section; plans written by a model may leave a title out.
import type { TSection } from "~/server/plan/app-spec";
import type { TPlan } from "~/server/plan/plan-schema";

const defaultTitles: Record<TSection["type"], string> = {
  records: "Records", stats: "Totals", groupTable: "Totals", chart: "Chart", checkins: "Today", board: "Board", sequence: "Order", weekPlan: "Week", feed: "Messages",
  quiz: "Quiz", flashcards: "Flashcards", tool: "Tool", timer: "Timer", hero: "Welcome", menu: "Menu", hours: "Opening hours", contact: "Contact",
  form: "Contact", pricing: "Pricing", faq: "Questions", testimonials: "What people say", gallery: "Gallery", features: "Features", text: "About", notice: "Good to know",
};

export function sectionTitleOf(section: TSection, plan: Pick<TPlan, "entities" | "appName">): string {
  if (section.title) return section.title;
  if (section.type === "hero") return plan.appName;
  const entityName = "entity" in section ? section.entity : undefined;
  const entity = entityName ? plan.entities.find((e) => e.name === entityName) : undefined;
  return entity?.pluralLabel ?? defaultTitles[section.type];
}
