// Next calls register() once when a server instance starts (instrumentation-node.ts says what it
// does), and onRequestError for errors Next catches itself.
import type { captureRequestError } from "@sentry/nextjs";

// The Node.js part lives in its own module, imported only under the Node.js runtime: Next also
// compiles this file for the Edge runtime, where process.exit and the rest are not allowed.
// (The if-block form is the one Next's compiler removes from the Edge build; an early return is not.)
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeInstance } = await import("./instrumentation-node");
    await registerNodeInstance();
  }
}

/** Errors Next itself catches while rendering or routing: to Sentry, when it is configured. */
export async function onRequestError(...args: Parameters<typeof captureRequestError>) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startErrorReporting } = await import("./server/observability/error-reporting");
  (await startErrorReporting())?.captureRequestError(...args);
}
