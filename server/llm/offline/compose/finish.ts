// Draft → plan input: every record gets a place to be kept, sections of one entity merge, the app
// gets a name from the prompt's subject, and words nothing explained become "did not understand"
// requirements rather than silence.
import type { TPlanInput } from "~/server/plan/plan-schema";
import { containerWords, subjectCompounds } from "../catalog/entities";
import { findPattern } from "../understand/match-pattern";
import { isNoun, quoteOf } from "../understand/reading";
import { fillerWords } from "../understand/words";
import { addSection, pageFor, requirement, tag, type Draft, type SectionInput } from "./draft";
import { ensurePrimary } from "./records";
import { ownerPhrase } from "./owner";

/** Containers that say what the app is on their own, as they are written in a name. */
const selfNamingContainers: Record<string, string> = { crm: "CRM" };

const titleCase = (text: string): string => text.replace(/(^|\s)([a-zà-ÿ])/g, (_, s: string, c: string) => s + c.toUpperCase());

/** "habit tracker", "Car maintenance log", "community library lending app" → the app's name. */
export function subjectName(draft: Draft): string | undefined {
  return subjectSpan(draft)?.name;
}

function subjectSpan(draft: Draft): { name: string; from: number; to: number } | undefined {
  const { tokens } = draft.reading;
  const first = draft.reading.sentences[0];
  if (!first) return undefined;
  const skip = new Set(["a", "an", "the", "my", "our", "simple", "small", "little", "basic", "quick", "new", "make", "me", "build", "create", "i", "want", "need", "for"]);
  for (let i = first.from; i < Math.min(first.to, first.from + 12); i++) {
    const t = tokens[i]!;
    // "an invoicing tool", "a booking system": the records the activity keeps name the app (Invoices).
    const doing = tokens[i - 1];
    // Only where the container says nothing itself ("tool", "app") and no noun comes first ("dog walking app" is about dogs).
    const bare = ["tool", "app", "system", "software", "program"].includes(t.lemma) && !isNoun(tokens[i - 2]);
    const kept = i > first.from && bare && doing?.word.endsWith("ing") ? gerundEntity(draft, doing.word) : undefined;
    if (kept) return { name: kept.pluralLabel, from: i - 1, to: i + 1 };
    if (!containerWords.includes(t.lemma) || ["thing", "something", "page", "site", "website", "tool", "system", "program", "chart", "graph"].includes(t.lemma)) continue;
    let from = i;
    while (from > first.from && i - from < 3 && tokens[from - 1]!.isWord && !skip.has(tokens[from - 1]!.word) && !tokens[from - 1]!.tags.has("Possessive")) from--;
    const words = tokens.slice(from, t.lemma === "app" ? i : i + 1).filter((w) => !(t.lemma === "app" && w.tags.has("Gerund")));
    // A container that names a kind of app on its own ("small crm") is a name by itself.
    const selfNaming = selfNamingContainers[t.lemma];
    if (!words.length || (words.length === 1 && t.lemma !== "app" && from === i && !selfNaming)) continue;
    const name = words.length === 1 && selfNaming ? selfNaming : titleCase(words.map((w) => (selfNamingContainers[w.lemma] ? selfNamingContainers[w.lemma] : w.text === w.word ? w.word : w.text)).join(" "));
    // "member list for our chess club" → "Chess Club Member List": the owner is part of the name.
    const owner = ownerPhrase(draft, i + 1);
    // "team roster for my under-12 football team" → "Under-12 Football Team Roster", not "… Team Team Roster".
    if (owner) {
      const ownerName = titleCase(owner.owner);
      const overlap = ownerName.split(" ").at(-1) === name.split(" ")[0] ? name.split(" ").slice(1).join(" ") : name;
      return { name: `${ownerName} ${overlap}`.trim().slice(0, 60), from, to: owner.to };
    }
    return { name: name.slice(0, 60), from, to: i + 1 };
  }
  // "bake sale: cakes with price…", "book club — books we read": what the app is for names it.
  const compound = subjectCompounds.map((c) => findPattern(tokens, c, first.from, Math.min(first.to, first.from + 12))[0]).filter((m) => !!m).sort((a, b) => a.from - b.from || b.to - a.to)[0];
  if (compound) return { name: titleCase(tokens.slice(compound.from, compound.to).map((w) => w.text).join(" ")).slice(0, 60), ...compound };
  return undefined;
}

/** The entity an -ing word is the keeping of: "invoicing" → Invoice, "booking" → Booking. */
function gerundEntity(draft: Draft, word: string): { pluralLabel: string } | undefined {
  const stem = word.slice(0, -3);
  if (stem.length < 3) return undefined;
  return [...draft.entities.values()].find((e) => {
    const name = e.name.toLowerCase();
    return name === word || (name.startsWith(stem) && name.length - stem.length <= 1);
  });
}

/** The name of an app whose prompt names no subject and no record to keep. */
export const noSubjectAppName = "My App";

function fallbackName(draft: Draft): string {
  const main = [...draft.entities.values()][0];
  if (main) return `${main.name.replace(/([a-z])([A-Z])/g, "$1 $2")} Tracker`;
  return noSubjectAppName;
}

/**
 * "I'm a freelancer": the role leads the app's name ("Freelancer Clients & Invoices"), unless the
 * name already says it or was given ("called Sprout"), and the requirement is the name's.
 */
function foldContextIntoName(draft: Draft, context: { role: string; requirementId: string }, given: boolean): void {
  const kept = [...draft.entities.values()].filter((e) => !e.name.endsWith("Checkin")).slice(0, 2);
  const base = draft.appName?.name ?? (kept.length ? kept.map((e) => e.pluralLabel).join(" & ") : undefined);
  const role = titleCase(context.role.toLowerCase());
  const name = !base ? role : given || base.toLowerCase().includes(context.role.toLowerCase()) ? base : `${role} ${base}`.slice(0, 60);
  draft.appName = { name, requirementIds: [...new Set([...(draft.appName?.requirementIds ?? []), context.requirementId])] };
  const r = draft.requirements.find((q) => q.id === context.requirementId);
  if (r) r.text = `The app is made for a ${context.role.toLowerCase()}: it is called "${name}"`.slice(0, 200);
}

/** Substantive words no requirement quotes: each run becomes an unsupported requirement. */
function reportUnread(draft: Draft): void {
  const { tokens } = draft.reading;
  let runFrom = -1;
  let reported = 0;
  const flush = (to: number) => {
    if (runFrom < 0) return;
    const words = tokens.slice(runFrom, to).filter((t) => t.isWord && !fillerWords.has(t.word) && (t.tags.has("Noun") || t.tags.has("Verb") || t.tags.has("Adjective")) && !t.tags.has("Pronoun") && t.word.length > 2);
    if (words.length && reported < 5) {
      const from = words[0]!.index;
      const last = words.at(-1)!.index + 1;
      requirement(draft, "content", `Did not understand "${quoteOf(draft.reading, from, last)}"`, from, last, { reason: "The offline compiler could not tell what these words ask the app to do." });
      reported++;
    }
    runFrom = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const boundary = /^[.;!?,()]$/.test(t.text) || ["and", "so", "then", "but", "with"].includes(t.word);
    if (draft.claimed.has(i) || boundary) {
      flush(i);
      continue;
    }
    if (runFrom < 0) runFrom = i;
  }
  flush(tokens.length);
}

// An entity is "used" where its records can be added: a view that only filters (create: false,
// "Overdue loans") or a figure over it still leaves nowhere to add one.
const entityUsed = (draft: Draft, name: string): boolean =>
  draft.pages.some((p) => p.sections.some((s) => (s.type === "checkins" ? s.logEntity === name : "entity" in s && s.entity === name && !["chart", "groupTable"].includes(s.type) && !(s.type === "records" && s.create === false))));

/** Records sections of one entity with no filter merge into one (sort, grouping and what it shows, search, one per day, ids). */
function mergeRecordSections(sections: SectionInput[]): SectionInput[] {
  const merged: SectionInput[] = [];
  for (const section of sections) {
    const twin = section.type === "records" && !section.where ? merged.find((m) => m.type === "records" && m.entity === section.entity && !m.where) : undefined;
    if (twin && twin.type === "records" && section.type === "records") {
      Object.assign(twin, { sort: twin.sort ?? section.sort, groupBy: twin.groupBy ?? section.groupBy, columns: twin.columns ?? section.columns, filters: [...new Set([...(twin.filters ?? []), ...(section.filters ?? [])])].slice(0, 5), onePerDate: twin.onePerDate ?? section.onePerDate, create: twin.create !== false || section.create !== false });
      tag(twin, ...(section.requirementIds ?? []));
    } else merged.push(section);
  }
  return merged;
}

export function finishDraft(draft: Draft): Omit<TPlanInput, "acceptanceChecks"> {
  // A check-in log is named by its date and parent, a setlist's item by what it picks; every other record needs a name.
  const picks = new Set(draft.pages.flatMap((p) => p.sections.flatMap((s) => (s.type === "sequence" ? [s.entity] : []))));
  for (const entity of draft.entities.values()) if (!(entity.belongsTo.length && (entity.name.endsWith("Checkin") || picks.has(entity.name)))) ensurePrimary(entity);
  // Every record the app keeps needs a place where it can be added and seen.
  for (const entity of draft.entities.values()) {
    if (entityUsed(draft, entity.name)) continue;
    const index = [...draft.entities.keys()].indexOf(entity.name);
    const home = draft.pages.find((p) => p.path === "/");
    const path = index === 0 && (!home || home.sections.every((s) => s.type === "records" || s.type === "stats" || s.type === "chart" || s.type === "groupTable" || s.type === "sequence")) ? "/" : `/${entity.name.toLowerCase()}`;
    const page = pageFor(draft, path, entity.pluralLabel, `Keep ${entity.pluralLabel.toLowerCase()}`);
    page.sections.unshift({ type: "records", title: entity.pluralLabel, entity: entity.name, requirementIds: entity.requirementIds.slice(0, 20) });
    tag(page, ...entity.requirementIds);
  }
  for (const notice of draft.notices) {
    const page = draft.pages[0] ?? pageFor(draft, "/", "Home", "The app");
    if (!page.sections.some((s) => s.type === "notice" && s.text === notice.text)) addSection(draft, page, { type: "notice", title: "Good to know", tone: "info", text: notice.text, requirementIds: notice.requirementIds });
  }
  // A name the prompt gave ("called Sprout", "Rosie's Bakery") is kept as it is.
  const givenName = !!draft.appName && draft.requirements.some((r) => draft.appName!.requirementIds.includes(r.id) && r.kind === "name" && /^The app is called/.test(r.text));
  if (!draft.appName) {
    const subject = subjectSpan(draft);
    if (subject) draft.appName = { name: subject.name, requirementIds: [requirement(draft, "name", `The app is called "${subject.name}"`, subject.from, subject.to)] };
  }
  if (draft.context) foldContextIntoName(draft, draft.context, givenName);
  reportUnread(draft);
  if (!draft.pages.length) {
    // Nothing could be built: one page that says so, tied to the requirements that explain why.
    // With no word left to blame ("hello", "make me an app"), the prompt as a whole is the
    // unsupported requirement: a run that built nothing must never end green.
    if (!draft.requirements.some((r) => r.status === "unsupported" && r.promptIndex === draft.promptIndex)) {
      requirement(draft, "page", "An app that does what the prompt describes", 0, draft.reading.tokens.length, {
        reason: "The offline compiler found nothing in this prompt it can build: no records to keep, figures to work out, content to show or page to make. Say what the app should keep, show or work out, or connect a model provider.",
      });
    }
    const ids = draft.requirements.map((r) => r.id).slice(0, 20);
    addSection(draft, pageFor(draft, "/", "Home", "What this app could not do"), { type: "notice", title: "Not built", tone: "warning", text: "This request could not be turned into an app offline; see the requirements for why.", requirementIds: ids });
  }
  const appName = draft.appName?.name ?? subjectName(draft) ?? fallbackName(draft);
  // The home page first; titles unique; sections of one entity merged.
  const pages = [...draft.pages].sort((a, b) => (a.path === "/" ? -1 : b.path === "/" ? 1 : 0)).slice(0, 12);
  for (const page of pages) page.sections = mergeRecordSections(page.sections).slice(0, 20);
  if (draft.sharing && !draft.entities.size) {
    // Sharing is of records: with none, the ask cannot be met, and says so.
    for (const r of draft.requirements) {
      if (draft.sharing.requirementIds.includes(r.id)) Object.assign(r, { status: "unsupported", reason: "The app keeps no records, so there is nothing to share between devices." });
    }
  }
  const planned = draft.requirements.filter((r) => r.status === "planned");
  const theme = { ...draft.theme, requirementIds: [...new Set(draft.theme.requirementIds)] };
  return {
    appName,
    summary: `${appName}: ${planned.map((r) => r.text).join("; ") || "a small app"}.`.slice(0, 600),
    kind: draft.kind ?? "crud",
    theme,
    // Sharing is about records: an app that keeps none has nothing to share.
    ...(draft.sharing && draft.entities.size ? { sharing: { live: true as const, requirementIds: draft.sharing.requirementIds.slice(0, 20) } } : {}),
    requirements: draft.requirements.slice(0, 80),
    pages: pages.map((p) => ({ path: p.path, title: p.title.slice(0, 60), purpose: p.purpose.slice(0, 300), sections: p.sections as never, requirementIds: [...new Set(p.requirementIds)].slice(0, 20) })),
    entities: [...draft.entities.values()].slice(0, 12).map((e) => ({
      name: e.name,
      pluralLabel: e.pluralLabel.slice(0, 60),
      fields: e.fields.slice(0, 30),
      belongsTo: e.belongsTo.filter((p) => draft.entities.has(p)),
      ...(e.computed.length ? { computed: e.computed.slice(0, 12) } : {}),
      ...(e.actions.length ? { actions: e.actions.slice(0, 6) } : {}),
      ...(e.formerNames?.length ? { formerNames: e.formerNames } : {}),
      ...(e.initialRecords?.length ? { initialRecords: e.initialRecords } : {}),
      ...(e.addOnlyWhen ? { addOnlyWhen: e.addOnlyWhen } : {}),
      ...(e.timer ? { timer: e.timer } : {}),
      requirementIds: [...new Set(e.requirementIds)].slice(0, 20),
    })),
    features: planned.map((r) => r.text).slice(0, 30),
    tasks: [
      { id: "compile-plan", agent: "PromptCompiler", description: "Turn the prompt into this plan.", dependsOn: [] },
      { id: "generate-code", agent: "CodeGen", description: "Render the app spec with the browser runtime.", dependsOn: ["compile-plan"] },
      { id: "generate-data-layer", agent: "DB", description: "The browser data layer for the plan's entities.", dependsOn: ["compile-plan"] },
      { id: "generate-infra", agent: "Infra", description: "README, package.json and data-layer tests.", dependsOn: ["generate-code", "generate-data-layer"] },
      { id: "run-acceptance-checks", agent: "QA", description: "Every requirement's checks in headless Chromium.", dependsOn: ["generate-infra"] },
      { id: "deploy-preview", agent: "Deploy", description: "Publish the checked version as a preview.", dependsOn: ["run-acceptance-checks"] },
    ],
  };
}
