// The platform's QA sandbox: detected once per process from QA_SANDBOX, shared by QA runs and
// /api/ready, and announced once in the log when it is weaker than bubblewrap.
import { env } from "../env";
import { detectSandbox } from "./detect-sandbox";
import type { SandboxStatus } from "./sandbox-status";
import { getLogger } from "../observability/logger";

const log = getLogger("qa-sandbox");

// On globalThis: Next bundles this module into several route graphs (QA in the Inngest route,
// /api/ready elsewhere); one detection and one warning per process.
type State = { detection?: Promise<SandboxStatus> };
const state = ((globalThis as unknown as { __epicQaSandbox?: State }).__epicQaSandbox ??= {});

export function getQaSandbox(): Promise<SandboxStatus> {
  state.detection ??= detectSandbox(env.QA_SANDBOX).then((status) => {
    if (status.warning) log.warn({ sandbox: status.kind }, status.warning);
    else log.info({ sandbox: status.kind }, status.summary);
    return status;
  });
  return state.detection;
}
