// What the eval counts as phantom: an entity or a page of the plan that no planned requirement
// asks for, and that nothing asked for needs. The trace is read from the plan itself — every
// requirement id anywhere inside an entity (its fields, computed values, actions, timer) or a page
// (its sections) — and "needed" follows names: an entity that a traced entity or a traced section
// names (belongsTo, a field's ref, a timer's entries, a section's records) is there because of it
// ("members and books exist because loans do"). A page of nothing but notices of unsupported
// requirements is traced to them: it reports what was not built. Each part is listed with the prompt's words it
// comes from, so a reader can judge the trace too, not only its count.
import type { TPlan } from "~/server/plan/plan-schema";

export type TracedPart = {
  kind: "entity" | "page";
  /** The entity's name, or the page's path. */
  name: string;
  /** The prompt's words behind it (planned requirements' quotes). */
  quotes: string[];
  /** The traced part that needs it, when no requirement of its own does. */
  neededBy?: string;
};

export type PlanTrace = { parts: TracedPart[]; phantoms: string[] };

/** Every requirement id anywhere in `value` (arrays named requirementIds, at any depth). */
function requirementIdsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) requirementIdsIn(item, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "requirementIds" && Array.isArray(inner)) for (const id of inner) if (typeof id === "string") into.add(id);
      else requirementIdsIn(inner, into);
    }
  }
  return into;
}

/** The entity names that appear as string values anywhere in `value` (a ref, belongsTo, a section's entity). */
function entityNamesIn(value: unknown, names: Set<string>, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    // "Loan.dueDate"-style paths name their entity first.
    const head = value.split(".")[0]!;
    if (names.has(value)) into.add(value);
    else if (names.has(head)) into.add(head);
  } else if (Array.isArray(value)) for (const item of value) entityNamesIn(item, names, into);
  else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) if (key !== "name") entityNamesIn(inner, names, into);
  return into;
}

export function tracePlan(plan: TPlan): PlanTrace {
  const planned = new Map((plan.requirements ?? []).filter((r) => r.status === "planned").map((r) => [r.id, r.quote]));
  const quotesOf = (value: unknown) => [...new Set([...requirementIdsIn(value)].flatMap((id) => (planned.has(id) ? [planned.get(id)!] : [])))];
  const names = new Set(plan.entities.map((entity) => entity.name));
  const parts = new Map<string, TracedPart>();
  const key = (kind: TracedPart["kind"], name: string) => `${kind}:${name}`;
  for (const entity of plan.entities) parts.set(key("entity", entity.name), { kind: "entity", name: entity.name, quotes: quotesOf(entity) });
  for (const page of plan.pages) parts.set(key("page", page.path), { kind: "page", name: page.path, quotes: quotesOf(page) });

  const isTraced = (part: TracedPart) => part.quotes.length > 0 || part.neededBy !== undefined;
  // What each part names: entities name entities; pages name the entities their sections show.
  const named = new Map<string, Set<string>>();
  for (const entity of plan.entities) named.set(key("entity", entity.name), entityNamesIn({ ...entity, name: undefined }, names));
  for (const page of plan.pages) named.set(key("page", page.path), entityNamesIn(page.sections ?? [], names));

  // Needed, to a fixed point: a traced part needs what it names.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [partKey, part] of parts) {
      if (!isTraced(part)) continue;
      for (const name of named.get(partKey) ?? []) {
        const needed = parts.get(key("entity", name))!;
        if (!isTraced(needed)) {
          needed.neededBy = `${part.kind} ${part.name}`;
          changed = true;
        }
      }
    }
  }
  // A page is there for a traced entity it shows (the Loans page of a traced Loan).
  for (const page of plan.pages) {
    const part = parts.get(key("page", page.path))!;
    if (isTraced(part)) continue;
    const shown = [...(named.get(key("page", page.path)) ?? [])].find((name) => isTraced(parts.get(key("entity", name))!));
    if (shown) part.neededBy = `entity ${shown}`;
  }
  // A page of notices only, tied to unsupported requirements, builds nothing: it says what was
  // not built and why ("Not built" when nothing of the prompt could be). Honest, not phantom.
  const unsupported = new Set((plan.requirements ?? []).filter((r) => r.status === "unsupported").map((r) => r.id));
  for (const page of plan.pages) {
    const part = parts.get(key("page", page.path))!;
    const sections = page.sections ?? [];
    if (isTraced(part) || sections.length === 0 || !sections.every((section) => section.type === "notice")) continue;
    if ([...requirementIdsIn(sections)].some((id) => unsupported.has(id))) part.neededBy = "the unsupported requirements it reports";
  }
  const list = [...parts.values()];
  return { parts: list, phantoms: list.filter((part) => !isTraced(part)).map((part) => `${part.kind} ${part.name}`) };
}
