// The plan being composed: requirements with their quotes, and the parts built for them. Every
// part is added together with the ids of the requirements that ask for (or need) it, so nothing
// ends up in the app that no requirement explains.
import type { z } from "zod";
import type { TTheme, ZSection } from "~/server/plan/app-spec";
import type { TPlanFieldInput, TPlanInput, TRequirement } from "~/server/plan/plan-schema";
import type { RequirementKind } from "~/server/plan/requirements";
import { quoteOf, type Reading } from "../understand/reading";

export type FieldInput = TPlanFieldInput;
export type EntityDraft = {
  name: string;
  pluralLabel: string;
  fields: FieldInput[];
  belongsTo: string[];
  computed: NonNullable<TPlanInput["entities"][number]["computed"]>;
  actions: NonNullable<TPlanInput["entities"][number]["actions"]>;
  initialRecords?: Record<string, string | number | boolean | null>[];
  formerNames?: string[];
  addOnlyWhen?: TPlanInput["entities"][number]["addOnlyWhen"];
  timer?: TPlanInput["entities"][number]["timer"];
  requirementIds: string[];
};
/** A section before parsing (schema defaults optional). */
export type SectionInput = z.input<typeof ZSection>;
export type PageDraft = { path: string; title: string; purpose: string; sections: SectionInput[]; requirementIds: string[] };

export type Draft = {
  reading: Reading;
  promptIndex: number;
  requirements: TRequirement[];
  entities: Map<string, EntityDraft>;
  pages: PageDraft[];
  theme: Partial<Omit<TTheme, "requirementIds">> & { requirementIds: string[] };
  appName?: { name: string; requirementIds: string[] };
  /** Token indices already explained by a requirement. */
  claimed: Set<number>;
  kind?: TPlanInput["kind"];
  notices: { text: string; requirementIds: string[] }[];
  /** The records are shared between devices (compose/sharing.ts). */
  sharing?: { requirementIds: string[] };
  /** For follow-ups: what changed, in words for the conversation. */
  changes: { added: string[]; changed: string[]; alreadyThere: string[] };
  nextId: number;
};

export function createDraft(reading: Reading, promptIndex: number, firstId = 1): Draft {
  return { reading, promptIndex, requirements: [], entities: new Map(), pages: [], theme: { requirementIds: [] }, claimed: new Set(), notices: [], changes: { added: [], changed: [], alreadyThere: [] }, nextId: firstId };
}

export function claim(draft: Draft, from: number, to: number): void {
  for (let i = from; i < to; i++) draft.claimed.add(i);
}

export const isClaimed = (draft: Draft, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (draft.claimed.has(i)) return true;
  return false;
};

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * Adds a requirement quoting tokens `from`..`to` of the prompt (or returns the id of one with the
 * same kind and quote) and claims those tokens.
 */
export function requirement(draft: Draft, kind: RequirementKind, text: string, from: number, to: number, unsupported?: { reason: string }): string {
  const quote = clip(quoteOf(draft.reading, from, to), 200) || clip(draft.reading.prompt.trim(), 200) || "(empty prompt)";
  claim(draft, from, to);
  const existing = draft.requirements.find((r) => r.kind === kind && r.quote === quote && r.promptIndex === draft.promptIndex);
  if (existing) return existing.id;
  const id = `r${draft.nextId++}`;
  draft.requirements.push({ id, kind, text: clip(text, 200), quote, promptIndex: draft.promptIndex, status: unsupported ? "unsupported" : "planned", ...(unsupported ? { reason: clip(unsupported.reason, 300) } : {}) });
  return id;
}

export function tag<T extends { requirementIds?: string[] }>(part: T, ...ids: string[]): T {
  const merged = [...new Set([...(part.requirementIds ?? []), ...ids])].slice(0, 20);
  part.requirementIds = merged;
  return part;
}

export function pageFor(draft: Draft, path: string, title: string, purpose: string): PageDraft {
  let page = draft.pages.find((p) => p.path === path);
  if (!page) {
    page = { path, title, purpose, sections: [], requirementIds: [] };
    draft.pages.push(page);
  }
  return page;
}

export function addSection(draft: Draft, page: PageDraft, section: SectionInput): SectionInput {
  page.sections.push(section);
  tag(page, ...(section.requirementIds ?? []));
  return section;
}
