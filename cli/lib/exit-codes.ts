/** The CLI's exit codes: stable, documented in the README, and relied on by scripts. */
export const exitCodes = {
  ok: 0,
  /** The run failed or was cancelled, or another error (server or network). */
  failed: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  rateLimited: 5,
  /** Ctrl-C: the CLI detached; the run goes on (the shell's convention for SIGINT). */
  detached: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
