// Fault points for crash tests and the faults bench: with EPIC_FAULT_POINTS=qa,version,deploy,
// the first run of this process to reach a named point prints `{"faultPoint":"qa","runId":"…"}`
// on stdout and stays there until the process is killed, so a test can SIGKILL the server at
// exactly that moment (scripts/lib/crash-server.ts). Each point holds one run per process:
// other runs pass it, so one kill can catch several runs, each at a different point. Unset (as
// it always is outside those tests), a fault point does nothing.
import { env } from "../env";

export const faultPoints = ["qa", "qa-after-check", "version", "deploy"] as const;
export type FaultPoint = (typeof faultPoints)[number];

const held = new Set<FaultPoint>();

/**
 * qa: inside QA's acceptance checks, with the working copy in the scratch folder and Chromium running;
 * qa-after-check: inside QA's acceptance checks once two of them passed and were stored (the
 *   only one, for a plan of one check), the others not yet run;
 * version: the version is stored, the step's result not yet;
 * deploy: the deployment is BUILDING, not yet live.
 */
export async function reachFaultPoint(point: FaultPoint, runId: string): Promise<void> {
  if (!env.EPIC_FAULT_POINTS?.includes(point) || held.has(point)) return;
  held.add(point);
  process.stdout.write(`${JSON.stringify({ faultPoint: point, runId })}\n`);
  await new Promise<never>(() => {});
}
