import { getBrowserStatus } from "~/server/browser/browser-status";

/**
 * Says so on every dashboard page while QA has no browser: runs still deploy, but their browser
 * checks are not verified and they end "Ready with gaps". Rendered on the server with each page
 * (the finder is re-read every few seconds, so a browser installed later makes it go away).
 */
export function BrowserNotice() {
  const status = getBrowserStatus();
  if (status.isAvailable) return null;
  return (
    <div role="status" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200" data-testid="browser-notice">
      <p className="font-semibold">Browser checks are unavailable</p>
      <p className="mt-1">
        {status.summary} on the server, so QA cannot run the acceptance checks in a browser. Runs still build, run the app&apos;s own tests and deploy, but end
        &ldquo;Ready with gaps&rdquo; with every browser check marked not verified.
      </p>
      {status.problem === "not-reachable" ? (
        <p className="mt-1">To fix it, {status.fixCommand}.</p>
      ) : (
        <p className="mt-1">
          To fix it, run <code className="rounded bg-amber-100 px-1 font-mono text-xs dark:bg-amber-900/60">{status.fixCommand}</code> on the server (or set{" "}
          <code className="rounded bg-amber-100 px-1 font-mono text-xs dark:bg-amber-900/60">CHROMIUM_PATH</code>); the next run picks it up without a restart.
        </p>
      )}
    </div>
  );
}
