// The QA step's acceptance-check memo in the database (QaCheckResult): each check that passes is
// stored as it passes, so when a crash cuts the step off, its run again (same run, same step and
// round) keeps those and runs only the rest. The database, not the scratch folder, because the
// next attempt may run on another instance (serverless) and the scratch folder is swept at start.
// Rows are keyed by (run, step, check, fingerprint): another run, another round or another build
// of the app never matches. The step clears its rows once its qa.result event holds the outcome,
// and a finished run all of its own (server/runs/run-lifecycle.ts).
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { CheckMemo, CheckResult, StoredCheck } from "../agents/qa/run-acceptance-checks";
import { getLogger } from "../observability/logger";

const log = getLogger("qa");

/** The step key of QA round `round` (1 for the first QA, 2 after the first repair…). */
export const qaStepKey = (round: number) => `qa-${round}`;

export function createQaCheckMemo(db: Db, runId: string, stepKey: string): CheckMemo {
  return {
    async load(fingerprints) {
      if (fingerprints.length === 0) return [];
      const rows = await db.qaCheckResult.findMany({ where: { runId, stepKey, fingerprint: { in: fingerprints } }, orderBy: { createdAt: "asc" } });
      if (rows.length > 0) log.info({ runId, stepKey, kept: rows.length, checks: fingerprints.length }, "QA step run again: checks that passed in the interrupted attempt are kept");
      return rows.map((row): StoredCheck => ({ checkId: row.checkId, fingerprint: row.fingerprint, result: row.result as unknown as CheckResult, consoleErrors: row.consoleErrors }));
    },
    async store(check) {
      // skipDuplicates: a second store of the same pass (two attempts overlapping) keeps the first.
      await db.qaCheckResult.createMany({
        data: [{ runId, stepKey, checkId: check.checkId, fingerprint: check.fingerprint, result: check.result as unknown as Prisma.InputJsonValue, consoleErrors: check.consoleErrors }],
        skipDuplicates: true,
      });
    },
  };
}

/** Removes the step's stored checks: called in the transaction that writes its qa.result event. */
export async function clearQaCheckMemo(tx: Prisma.TransactionClient, runId: string, stepKey: string): Promise<void> {
  await tx.qaCheckResult.deleteMany({ where: { runId, stepKey } });
}
