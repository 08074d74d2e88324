// Which engine runs our Inngest functions, decided once from the environment:
// - external: Inngest Cloud or a self-hosted Inngest server (any INNGEST_* variable set). The
//   client is configured from those variables and the embedded executor stays off.
// - embedded (the zero-setup default): this app's own executor. The client still runs outside
//   dev mode, with a signing key made up per process, so /api/inngest rejects every unsigned
//   request from outside while the executor, which signs, calls the handler in-process.
import { randomBytes } from "node:crypto";
import { embeddedBaseUrl, embeddedFetch } from "./embedded-fetch";

export type InngestEnv = {
  INNGEST_EVENT_KEY?: string;
  INNGEST_SIGNING_KEY?: string;
  INNGEST_BASE_URL?: string;
  INNGEST_DEV?: string;
};

export function isEmbeddedExecutorMode(env: InngestEnv): boolean {
  return !env.INNGEST_SIGNING_KEY && !env.INNGEST_EVENT_KEY && !env.INNGEST_BASE_URL && !env.INNGEST_DEV;
}

const globalForKey = globalThis as unknown as { __epicEmbeddedSigningKey?: string };

/** The per-process signing key of embedded mode (shared by every bundled copy of this module). */
export function embeddedSigningKey(): string {
  globalForKey.__epicEmbeddedSigningKey ??= `signkey-embedded-${randomBytes(32).toString("hex")}`;
  return globalForKey.__epicEmbeddedSigningKey;
}

export type InngestConnectionOptions = {
  isDev?: boolean;
  signingKey?: string;
  eventKey?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
};

export function inngestConnectionOptions(env: InngestEnv): InngestConnectionOptions {
  if (!isEmbeddedExecutorMode(env)) {
    return { signingKey: env.INNGEST_SIGNING_KEY, eventKey: env.INNGEST_EVENT_KEY, baseUrl: env.INNGEST_BASE_URL };
  }
  return {
    isDev: false,
    signingKey: embeddedSigningKey(),
    // Required outside dev mode; the embedded event API accepts any key.
    eventKey: "embedded",
    // Nothing listens there: every call of the SDK to "Inngest" goes through embeddedFetch.
    baseUrl: embeddedBaseUrl,
    fetch: embeddedFetch,
  };
}
