// Section type → the acceptance checks that prove a section does what its requirements ask, and
// one slot for the checks of entities (fields, computed values, actions). Each block's owner
// writes its generator in blocks/<family>/checks.ts and registers it here with ONE import line
// and one entry; until then the section's requirements get no checks and QA reports them
// "unverified" (never passed).
//
//   data (records-checks): records, form + the entity slot
//   data (figures-checks): stats, groupTable, chart
//   data (widgets-checks): checkins, board, sequence, feed
//   content:      quiz, flashcards, tool, timer
//   shell/sites:  hero, menu, hours, contact, pricing, faq, testimonials, gallery, features, text, notice
import type { TSection, TSectionType } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlan, TPlanEntity, TPlanPage } from "~/server/plan/plan-schema";
import { flashcardsChecks, quizChecks, timerChecks, toolChecks } from "./content/checks";
import { figuresCheckGenerators } from "./data/figures-checks";
import { entityChecks, formChecks, recordsChecks } from "./data/records-checks";
import { boardChecks, checkinsChecks, feedChecks, sequenceChecks, weekPlanChecks } from "./data/widgets-checks";
import { siteCheckGenerators } from "./site/checks";

/** What a generator may look at besides its own section: the whole plan, for entities and names. */
export type CheckContext = { plan: TPlan };

export type SectionCheckGenerator<T extends TSectionType = TSectionType> = (section: Extract<TSection, { type: T }>, page: TPlanPage, ctx: CheckContext) => TAcceptanceCheckInput[];
export type EntityCheckGenerator = (entity: TPlanEntity, ctx: CheckContext) => TAcceptanceCheckInput[];

export const sectionCheckGenerators: { [T in TSectionType]?: SectionCheckGenerator<T> } = {
  records: recordsChecks, form: formChecks,
  quiz: quizChecks, flashcards: flashcardsChecks, tool: toolChecks, timer: timerChecks,
  checkins: checkinsChecks, board: boardChecks, sequence: sequenceChecks, weekPlan: weekPlanChecks, feed: feedChecks,
  ...siteCheckGenerators,
  ...figuresCheckGenerators,
};

/** Checks for an entity's fields, computed values and actions (data-core). */
export const entityCheckGenerator: EntityCheckGenerator | undefined = entityChecks;
