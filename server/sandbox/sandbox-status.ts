// What QA's sandbox for generated code is on this machine: a leaf module (types and wording only)
// shared by the detector, the runner, /api/ready and the QA report.

/** QA_SANDBOX: which sandbox to use for the generated app's own tests. */
export type QaSandboxSetting = "auto" | "bwrap" | "node-permission" | "off";

export type SandboxKind = "bwrap" | "node-permission" | "none";

export type SandboxStatus = {
  /** What the app's tests run in. */
  kind: SandboxKind;
  /** The setting it came from (QA_SANDBOX). */
  setting: QaSandboxSetting;
  /** Whether the tests are cut off from every network, loopback included. */
  isolatesNetwork: boolean;
  /** Whether the tests see only their working copy (no host files, no platform data). */
  isolatesFiles: boolean;
  /** bwrap only: also dropped to uid/gid 65534 on the host (the platform runs as root). */
  dropsHostUid: boolean;
  /**
   * False when QA_SANDBOX asked for a sandbox this machine cannot give: the app's tests are then
   * not run at all (fail closed) rather than run with less isolation than the operator chose.
   */
  canRunTests: boolean;
  /** One line for logs, /api/ready and the QA report. */
  summary: string;
  /** Set when the isolation is weaker than bubblewrap's: what is missing and how to fix it. */
  warning: string | null;
};

export const BWRAP_FIX = "Install bubblewrap (Debian/Ubuntu: apt-get install -y bubblewrap) and allow user namespaces, or set QA_SANDBOX=bwrap to refuse to run without it.";
