// The plan's app spec as data: what src/spec.js holds and the runtime renders. Only what the app
// needs to run goes in (names, theme, entities, pages of sections, storage); requirement ids,
// checks, summaries and other plan text stay out, so none of it can show in the app.
import type { TPlan } from "~/server/plan/plan-schema";
import { sectionTitleOf } from "../blocks/section-title";

export type SpecData = {
  appName: string;
  theme: { colorScheme: "light" | "dark"; accent: string; palette?: string; font?: string; textScale?: number };
  entities: unknown[];
  pages: Array<{ path: string; title: string; sections: Array<Record<string, unknown> & { type: string; title?: string }> }>;
  storage: { key: string; version: number };
  sectionNav: boolean;
  /** The records are shared between devices through the app's server (engine/shared-store.js). */
  sharing?: { live: true };
};

/** A storage key for plans the pipeline has not given one (tests, the CLI): stable per name. */
export function fallbackStorageKey(appName: string): string {
  const slug = appName.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50);
  return slug.length >= 4 ? slug : `app-${slug || "data"}`.slice(0, 60);
}

/** A deep copy without `requirementIds` anywhere. */
function withoutTrace<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === "requirementIds" ? undefined : inner))) as T;
}

/** One page and several sections after a hero: a site whose header links jump to its sections. */
function hasSectionNav(plan: TPlan): boolean {
  if (plan.pages.length !== 1) return false;
  const sections = plan.pages[0]!.sections ?? [];
  return sections.some((s) => s.type === "hero") && sections.filter((s) => s.type !== "hero").length >= 2;
}

/** Sharing is of records: an app that keeps none has nothing to share. */
export const isShared = (plan: TPlan): boolean => Boolean(plan.sharing) && plan.entities.length > 0;

export function specData(plan: TPlan): SpecData {
  const { colorScheme, accent, palette, font, textScale } = plan.theme;
  return {
    appName: plan.appName,
    theme: { colorScheme, accent, ...(palette ? { palette } : {}), ...(font ? { font } : {}), ...(textScale ? { textScale } : {}) },
    entities: withoutTrace(plan.entities),
    // Every section gets its heading here, the same one its checks look for.
    pages: plan.pages.map((page) => ({ path: page.path, title: page.title, sections: withoutTrace((page.sections ?? []).map((section) => ({ ...section, title: sectionTitleOf(section, plan) }))) })),
    storage: plan.storage ?? { key: fallbackStorageKey(plan.appName), version: 1 },
    sectionNav: hasSectionNav(plan),
    ...(isShared(plan) ? { sharing: { live: true as const } } : {}),
  };
}
