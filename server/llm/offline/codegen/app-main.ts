// src/main.js of a generated app: the runtime's entry (runtime/src/start.js) with its slots filled
// with this app's section modules and, when it keeps records, the store.
import type { TPlan } from "~/server/plan/plan-schema";
import { fillSlots } from "../fill-slots";
import { hasRuntimeFile, readRuntimeFile } from "../read-runtime-file";
import { isShared } from "./app-spec-data";

/** The runtime file that is the app's src/main.js (imports in it are relative to src/). */
export const entryRuntimePath = "src/start.js";
export const storeModulePath = "src/engine/store.js";
/** The store of an app whose records are shared between devices: the local store kept in step with the app's server. */
export const sharedStoreModulePath = "src/engine/shared-store.js";

/** Section types the app's pages use, in first-use order. */
export function sectionTypesOf(plan: TPlan): string[] {
  return [...new Set(plan.pages.flatMap((page) => (page.sections ?? []).map((section) => section.type)))];
}

export const sectionModulePath = (type: string): string => `src/sections/${type}.js`;

/** Section types (and the store) the plan needs that the runtime has no module for. */
export function missingRuntimeModules(plan: TPlan): string[] {
  const needed = [...sectionTypesOf(plan).map(sectionModulePath), ...(plan.entities.length ? [storeModulePath] : [])];
  return needed.filter((path) => !hasRuntimeFile(path));
}

/**
 * The entry imports only modules the runtime has: a section without one shows the shell's "could
 * not be shown" notice (and a console error), so the app still runs and QA fails exactly the
 * checks of what is missing, instead of a module load error taking the whole page down.
 */
export function mainJs(plan: TPlan): string {
  const types = sectionTypesOf(plan).filter((type) => hasRuntimeFile(sectionModulePath(type)));
  const keepsRecords = plan.entities.length > 0 && hasRuntimeFile(storeModulePath);
  const shares = keepsRecords && isShared(plan) && hasRuntimeFile(sharedStoreModulePath);
  const imports = [
    ...(keepsRecords ? [shares ? `import { createSharedStore as createStore } from "./engine/shared-store.js";` : `import { createStore } from "./engine/store.js";`] : []),
    ...types.map((type) => `import * as ${type}Section from "./sections/${type}.js";`),
  ];
  return fillSlots(readRuntimeFile(entryRuntimePath), {
    imports: imports.join("\n"),
    sections: types.map((type) => `    ${type}: ${type}Section,`).join("\n"),
    options: keepsRecords ? "  createStore," : "",
  });
}
