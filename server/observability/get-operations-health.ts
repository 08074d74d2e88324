// The admin health page's data: what readOperationsState reads (executor queue and lag, runs by
// state, failing agents, SSE streams) and /api/ready's report (database, migrations, browser,
// QA sandbox), in one answer.
import { probeBrowser } from "../browser/launch-browser";
import { chromiumSandboxStatus } from "../browser/try-launch";
import { getDatabase, type Db } from "../db";
import { checkReadiness, type ReadinessReport } from "../readiness/check-readiness";
import { getQaSandbox } from "../sandbox/qa-sandbox";
import { readOperationsState, type OperationsState } from "./operations-state";

export type OperationsHealth = OperationsState & { readiness: ReadinessReport };

/** The process's own readiness check (the browser probe is cached for a minute). */
export function checkProcessReadiness(): Promise<ReadinessReport> {
  return checkReadiness({ database: getDatabase(), browser: probeBrowser, qaSandbox: getQaSandbox, chromiumSandbox: chromiumSandboxStatus });
}

export async function getOperationsHealth(db: Db, readiness: () => Promise<ReadinessReport> = checkProcessReadiness): Promise<OperationsHealth> {
  const [state, report] = await Promise.all([readOperationsState(db), readiness()]);
  return { ...state, readiness: report };
}
