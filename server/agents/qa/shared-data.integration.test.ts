// An app whose records are shared between devices, checked the way QA checks it: served with the
// data endpoint beside it (serve-directory.ts mounts server/app-data/'s handler with a store for
// the run), and the two-device check (a second browser context) in Chromium. The check passes on
// the generated app, and fails when the runtime does not send its writes or does not apply the
// ones pushed to it. (That one app never reads another's records: server/app-data/app-data.test.ts.)
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRecordStore } from "~/server/app-data/memory-record-store";
import { launchBrowser } from "~/server/browser/launch-browser";
import { compileAppPlan } from "~/server/llm/offline/compile-app-plan";
import { generateAppFiles } from "~/server/llm/offline";
import type { TPlan } from "~/server/plan/plan-schema";
import { runAcceptanceChecks } from "./run-acceptance-checks";
import { serveDirectory, type ServedDirectory } from "./serve-directory";
import { plantedBugCheckOptions } from "./testing/planted-bug";

const sharedStorePath = "src/engine/shared-store.js";

/** Bugs planted in the shared store: each a text swap that must change what it replaces. */
const plantedBugs: Array<[name: string, find: string, replace: string]> = [
  ["does not send its writes", "function push(entity, id, data) {", "function push(entity, id, data) {\n    return;"],
  ["does not apply pushed changes", "applyFromServer([change], false);", "void change;"],
];

describe("shared records between two devices", { timeout: 180_000 }, () => {
  let browser: Browser;
  let root: string;
  let plan: TPlan;
  const served: ServedDirectory[] = [];

  /** Writes the app (with `change` applied to its shared store) and serves it as QA does. */
  async function serveApp(name: string, change?: (text: string) => string): Promise<ServedDirectory> {
    const dir = path.join(root, name);
    for (const file of generateAppFiles(plan)) {
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      const content = file.path === sharedStorePath && change ? change(String(file.content)) : file.content;
      await writeFile(target, content);
    }
    const directory = await serveDirectory({ root: dir, prefix: "/preview/qa/", appData: createMemoryRecordStore() });
    served.push(directory);
    return directory;
  }

  const check = (directory: ServedDirectory, options: Partial<Parameters<typeof runAcceptanceChecks>[0]> = {}) =>
    runAcceptanceChecks({ baseUrl: directory.baseUrl, baseUrlForRun: (run) => directory.scopedUrl(`c${run}`), plan: { acceptanceChecks: plan.acceptanceChecks.filter((c) => ["shared-between-devices", "records-items-add"].includes(c.id)) }, browser, ...options });

  beforeAll(async () => {
    const compiled = compileAppPlan("shared grocery list that syncs between me and my partner's phones instantly, with aisles so we can shop faster");
    if (!compiled.ok) throw new Error(compiled.error);
    plan = compiled.plan;
    root = await mkdtemp(path.join(tmpdir(), "epic-shared-data-"));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(served.map((directory) => directory.close()));
    await browser?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("passes on the generated app, and fails on a runtime that does not send or does not apply changes", async () => {
    expect(plan.sharing?.requirementIds?.length).toBe(1);
    expect(plan.acceptanceChecks.find((c) => c.id === "shared-between-devices")?.requirementIds).toEqual(plan.sharing?.requirementIds);

    const report = await check(await serveApp("as-generated"), { retryTimedOutChecks: false });
    expect(report.checks.map((c) => [c.id, c.passed, c.message ?? ""])).toEqual([["shared-between-devices", true, ""], ["records-items-add", true, ""]]);
    expect(report.consoleErrors).toEqual([]);

    for (const [name, find, replace] of plantedBugs) {
      const directory = await serveApp(name.replace(/\W+/g, "-"), (text) => {
        expect(text, name).toContain(find);
        return text.replace(find, replace);
      });
      const broken = await check(directory, plantedBugCheckOptions);
      const shared = broken.checks.find((c) => c.id === "shared-between-devices")!;
      expect(shared.passed, name).toBe(false);
      // The second device never shows what the first added (or the first never shows the second's change).
      expect(shared.failedStep?.action, name).toBe("expectElement");
    }
  });
});
