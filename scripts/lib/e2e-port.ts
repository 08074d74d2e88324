// Which port the end-to-end suite's server gets: E2E_PORT when set (refused with a clear message
// when another program holds it), else 3100, else — when another program holds 3100 — a free one.
export const DEFAULT_E2E_PORT = 3100;

export type E2EPortChoice = { port: number; note: string | null } | { error: string };

export function chooseE2EPort(configured: string | undefined, isFree: (port: number) => boolean, freePort: () => number): E2EPortChoice {
  if (configured) {
    const port = Number(configured);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `E2E_PORT=${configured} is not a port number.` };
    if (!isFree(port)) return { error: `E2E_PORT=${port} is in use by another program. Stop it, or pick another port: E2E_PORT=<port> npm run test:e2e` };
    return { port, note: null };
  }
  if (isFree(DEFAULT_E2E_PORT)) return { port: DEFAULT_E2E_PORT, note: null };
  const port = freePort();
  return { port, note: `Port ${DEFAULT_E2E_PORT} is in use by another program; the end-to-end server uses ${port} instead (set E2E_PORT to choose).` };
}
