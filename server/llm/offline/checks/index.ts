// Plan → acceptance checks: a baseline "the app loads" check, checks for the app's name and
// look, then every section's and entity's checks from the block registry, each tagged with the
// requirements it verifies. Requirements nothing checks stay unverified — never passed.
import type { TSection } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlan } from "~/server/plan/plan-schema";
import { entityCheckGenerator, sectionCheckGenerators, type CheckContext, type SectionCheckGenerator } from "../blocks/registry";
import { sharingChecks } from "../blocks/data/sharing-checks";

const maxChecks = 80;

function baseline(plan: TPlan): TAcceptanceCheckInput {
  const first = plan.pages[0]!;
  return { id: "app-loads", description: `The app loads and shows ${first.title}`, steps: [{ action: "goto", path: first.path }, { action: "expectTitle", text: plan.appName }] };
}

function nameAndLookChecks(plan: TPlan): TAcceptanceCheckInput[] {
  const checks: TAcceptanceCheckInput[] = [];
  const nameIds = (plan.requirements ?? []).filter((r) => r.kind === "name" && r.status === "planned").map((r) => r.id);
  if (nameIds.length) {
    checks.push({ id: "app-name", description: `The title and header read "${plan.appName}"`, requirementIds: nameIds, steps: [{ action: "goto", path: "/" }, { action: "expectTitle", text: plan.appName }, { action: "expectElement", role: "banner", name: plan.appName }] });
  }
  const lookIds = plan.theme.requirementIds ?? [];
  const steps: TAcceptanceCheckInput["steps"] = [{ action: "goto", path: "/" }];
  if (plan.theme.colorScheme === "dark") steps.push({ action: "expectStyle", check: "dark-background" });
  if ((plan.theme.textScale ?? 1) >= 1.25) steps.push({ action: "expectStyle", check: "large-text" });
  if (plan.theme.font === "serif") steps.push({ action: "expectStyle", check: "serif-font" });
  if (plan.theme.accent && lookIds.length) steps.push({ action: "expectStyle", check: "accent-hue", value: plan.theme.accent });
  if (lookIds.length && steps.length > 1) checks.push({ id: "app-look", description: "The app looks as asked", requirementIds: lookIds, steps });
  return checks;
}

function sectionChecks(section: TSection, page: TPlan["pages"][number], ctx: CheckContext): TAcceptanceCheckInput[] {
  const generate = sectionCheckGenerators[section.type] as SectionCheckGenerator | undefined;
  return generate ? generate(section, page, ctx) : [];
}

/** Unique, schema-safe ids; the first `maxChecks` checks in plan order. */
function finalize(checks: TAcceptanceCheckInput[]): TAcceptanceCheckInput[] {
  const seen = new Set<string>();
  return checks.slice(0, maxChecks).map((check) => {
    let id = check.id.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, 56) || "check";
    for (let n = 2; seen.has(id); n++) id = `${id.slice(0, 56)}-${n}`;
    seen.add(id);
    return { ...check, id };
  });
}

export function buildAcceptanceChecks(plan: TPlan): TAcceptanceCheckInput[] {
  const ctx: CheckContext = { plan };
  const checks: TAcceptanceCheckInput[] = [baseline(plan), ...nameAndLookChecks(plan)];
  for (const page of plan.pages) for (const section of page.sections ?? []) checks.push(...sectionChecks(section, page, ctx));
  if (entityCheckGenerator) for (const entity of plan.entities) checks.push(...entityCheckGenerator(entity, ctx));
  // Early in the list: the cap on checks must never drop the one that proves sharing.
  checks.splice(1, 0, ...sharingChecks(plan));
  return finalize(checks);
}
