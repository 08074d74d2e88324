// Every environment variable the platform reads is declared and validated here, once.
// A missing or malformed value stops start-up with a message naming the variable.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { browserEnvSchema } from "./browser/browser-env";
import { isEncryptionKeyText } from "./secrets/key-ring";

const isProduction = process.env.NODE_ENV === "production";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: 'expected "true" or "false"' })
  .transform((value) => value === "true" || value === "1");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// connection string")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    PORT: z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535).default(3000),
    NEXTAUTH_SECRET: isProduction
      ? z.string().min(32, "expected a random secret of at least 32 characters (e.g. `openssl rand -hex 32`)")
      : z.string().min(32, "expected at least 32 characters").optional(),
    NEXTAUTH_URL: z.url({ message: "expected an absolute URL such as http://localhost:3000" }).optional(),
    AUTH_SIGNUP_ENABLED: booleanFlag.default(true),
    // Origin that serves generated apps' previews. It must differ from the platform's origin so
    // generated code never runs where the platform's cookies live (default: see preview-origin.ts).
    // Vercel Cron (or any scheduler) calls /api/executor/tick with this bearer secret to drive the
    // embedded executor where no process lives long; the route is off while it is unset.
    CRON_SECRET: z.string().min(16, "expected at least 16 characters").optional(),
    // The QA agent's headless browser: CHROMIUM_PATH, EPIC_BROWSER_SEARCH_PATHS,
    // PLAYWRIGHT_BROWSERS_PATH, EPIC_BROWSER_AUTO_INSTALL (see server/browser/find-browser.ts).
    ...browserEnvSchema,
    // Where QA runs a generated app's own tests (server/sandbox/): auto = bubblewrap when it works,
    // else Node's permission model (no network isolation), else none, with a warning at start;
    // bwrap / node-permission = that one or the tests are not run; off = no sandbox (warned).
    QA_SANDBOX: z.enum(["auto", "bwrap", "node-permission", "off"], { message: 'expected "auto", "bwrap", "node-permission" or "off"' }).default("auto"),
    // Browser QA sessions (a Chromium each) one instance runs at once; more wait in line for a slot
    // (server/agents/qa/browser-slots.ts). Unset: one per core, at least two.
    QA_BROWSER_CONCURRENCY: z.coerce.number({ message: "expected a number of browser sessions" }).int("expected a whole number").min(1, "expected at least 1").max(64, "expected at most 64").optional(),
    // How long QA's warm browser stays up with no session (server/browser/warm-browser.ts); 0: a browser per session.
    QA_BROWSER_IDLE_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).int("expected a whole number").min(0, "expected 0 or more").max(3600, "expected at most 3600").default(30),
    QA_CHECK_CONCURRENCY: z.coerce.number({ message: "expected a number of checks" }).int("expected a whole number").min(1, "expected at least 1").max(16, "expected at most 16").optional(),
    // The end-to-end suite's port; read by playwright.config.ts (declared here so a typo is named).
    E2E_PORT: z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535).optional(),
    // Where previews are served: a wildcard origin whose `*` is each project's own label, so every
    // project's preview is an origin of its own (wildcard DNS and TLS needed; see README). Default:
    // subdomains of localhost when the platform itself is on loopback (see preview-origin.ts).
    PREVIEW_ORIGIN: z
      .string()
      .regex(
        /^https?:\/\/\*\.[a-z0-9.-]+[a-z0-9](:\d{1,5})?\/?$/i,
        "expected a wildcard origin such as https://*.preview.example.com (each project gets its own subdomain)",
      )
      .optional(),
    // Proxies we run in front of the app: 0/false believes no X-Forwarded-For (the TCP peer is the
    // client); true = 1 proxy; N = that many (the client is the N-th address from the right).
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2})$/, 'expected "true", "false" or the number of proxies in front of the app')
      .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value)))
      .default(0),
    // Set by scripts/serve.ts (npm start), which stamps each request with its TCP peer's address.
    // Not for operators: on other hosts the header it names is whatever the client sent.
    EPIC_STAMPS_PEER_ADDRESS: booleanFlag.default(false),
    // Crash tests only (server/faults/fault-point.ts): steps stop at these points until the process is killed.
    EPIC_FAULT_POINTS: z
      .string()
      .transform((value) => value.split(",").map((point) => point.trim()).filter(Boolean))
      .pipe(z.array(z.enum(["qa", "qa-after-check", "version", "deploy"], { message: 'expected a comma-separated list of "qa", "qa-after-check", "version", "deploy"' })))
      .optional(),
    // Largest request body any route accepts; bigger ones get 413 before they are read or parsed.
    MAX_BODY_BYTES: z.coerce
      .number({ message: "expected a number of bytes" })
      .int()
      .min(1024, "expected at least 1024 bytes")
      .max(64 * 1024 * 1024, "expected at most 64 MiB")
      .default(1024 * 1024),
    // The public API's rate limits (REST, GraphQL, MCP; server/http/api-rate-limit.ts): requests per
    // window for each caller (API token or signed-in user) and, separately, for each client address.
    // Reads, writes and run starts (new projects, follow-ups, retries) have budgets of their own.
    API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).int().min(1).max(86_400).default(60),
    API_RATE_LIMIT_READS: z.coerce.number({ message: "expected a number of requests" }).int().min(1).default(300),
    API_RATE_LIMIT_WRITES: z.coerce.number({ message: "expected a number of requests" }).int().min(1).default(60),
    API_RATE_LIMIT_RUNS: z.coerce.number({ message: "expected a number of requests" }).int().min(1).default(10),
    // An address may carry several callers (an office behind one NAT): its budget is this many callers' worth.
    API_RATE_LIMIT_IP_MULTIPLIER: z.coerce.number({ message: "expected a number" }).int().min(1).max(1000).default(4),
    // Log lines below this level are dropped (server/observability/logger.ts). "silent" logs nothing.
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: 'expected "fatal", "error", "warn", "info", "debug", "trace" or "silent"' })
      .default(process.env.NODE_ENV === "test" ? "warn" : "info"),
    // Bearer token that /api/metrics (Prometheus) requires; the route answers 404 while it is unset.
    METRICS_TOKEN: z.string().min(16, "expected at least 16 characters (e.g. `openssl rand -hex 32`)").optional(),
    // Error reporting to Sentry (server errors, with the request id and release), only when set:
    // unset, the Sentry SDK is never loaded and nothing is sent.
    SENTRY_DSN: z.url({ protocol: /^https?$/, message: "expected a Sentry DSN such as https://key@o0.ingest.sentry.io/0" }).optional(),
    SENTRY_ENVIRONMENT: z.string().min(1).optional(),
    // The release reported with each error (default: the package version).
    SENTRY_RELEASE: z.string().min(1).optional(),
    // Product analytics to PostHog (signed up, project created, run finished, follow-up, deploy,
    // rollback; ids, outcomes and counts, never prompts or code), only when POSTHOG_KEY is set.
    POSTHOG_KEY: z.string().min(1).optional(),
    POSTHOG_HOST: z.url({ protocol: /^https?$/, message: "expected the URL of a PostHog instance, e.g. https://eu.i.posthog.com" }).default("https://us.i.posthog.com"),
    // Traces over OTLP/HTTP (server/observability/tracing.ts), only when set, e.g. http://127.0.0.1:4318.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, message: "expected the URL of an OTLP/HTTP receiver, e.g. http://127.0.0.1:4318" }).optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("epic-ai-dev"),
    // Where the admin run view links a run's trace: a URL with {traceId} in it, e.g.
    // https://grafana.example.com/explore?traceId={traceId}. Unset, the trace id is shown as text.
    TRACE_URL_TEMPLATE: z
      .url({ protocol: /^https?$/, message: "expected an http(s) URL with {traceId} in it, e.g. https://grafana.example.com/explore?traceId={traceId}" })
      .refine((value) => value.includes("{traceId}"), "expected {traceId} in the URL, where the trace id goes")
      .optional(),
    // Concurrent run-event streams (SSE) one user may hold open on one instance.
    MAX_SSE_STREAMS_PER_USER: z.coerce.number({ message: "expected a number" }).int().min(1).max(1000).default(10),
    // GraphQL (/api/graphql): whether the schema can be introspected (default: on except in
    // production), and the largest query accepted: its depth in fields, and its estimated cost
    // (each field counts once per item its enclosing lists may return; see server/api/graphql/limits.ts).
    GRAPHQL_INTROSPECTION: booleanFlag.default(isProduction ? false : true),
    GRAPHQL_MAX_DEPTH: z.coerce.number({ message: "expected a number" }).int().min(2).max(50).default(10),
    GRAPHQL_MAX_COST: z.coerce.number({ message: "expected a number" }).int().min(10).max(10_000_000).default(50_000),
    // Address `npm start` binds to. Loopback unless you mean to expose the server.
    HOST: z.string().min(1).default("127.0.0.1"),
    // One-time token that the first admin's sign-up must carry. `npm start` makes one and prints it
    // when it binds to a non-loopback address with open sign-up; set it yourself on other hosts.
    SETUP_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
    // Secrets at rest (integration credentials): the AES-256-GCM key that encrypts, 64 hex digits or
    // base64 of 32 bytes. Unset outside production: generated into DATA_DIR/encryption-keys. Older
    // keys that still decrypt (during a rotation, see README) go in ENCRYPTION_KEYS_PREVIOUS.
    ENCRYPTION_KEY: z
      .string()
      .refine(isEncryptionKeyText, "expected a random 256-bit key: 64 hex digits (`openssl rand -hex 32`) or 44 base64 characters")
      .optional(),
    ENCRYPTION_KEYS_PREVIOUS: z
      .string()
      .refine((value) => value.split(/[\s,]+/).filter(Boolean).every(isEncryptionKeyText), "expected comma-separated 256-bit keys (hex or base64)")
      .optional(),
    // Whether integrations may call endpoints on loopback or private addresses (a GitHub Enterprise
    // or S3-compatible store on the LAN, or a test's fake). Off in production unless set: a
    // workspace admin could otherwise point the server at internal services (SSRF).
    INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS: booleanFlag.default(!isProduction),
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    // GitHub Enterprise Server (or a test's fake GitHub): where the OAuth pages and the REST API live.
    GITHUB_URL: z.url({ protocol: /^https?$/, message: "expected the web URL of a GitHub server, e.g. https://github.example.com" }).default("https://github.com"),
    GITHUB_API_URL: z.url({ protocol: /^https?$/, message: "expected the REST API URL of a GitHub server, e.g. https://github.example.com/api/v3" }).default("https://api.github.com"),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().regex(/^signkey-/, 'expected an Inngest signing key ("signkey-…")').optional(),
    INNGEST_BASE_URL: z.url({ message: "expected the URL of an Inngest server" }).optional(),
    // The SDK's own switch to a local Inngest dev server (read by the SDK too); set → no embedded executor.
    INNGEST_DEV: z.string().min(1).optional(),
    // How the embedded executor is driven: loop = a worker loop in every server process, started at
    // boot (long-lived hosts); tick = no loop, only GET /api/executor/tick drives runs (serverless
    // hosts such as Vercel, where a cron calls it with CRON_SECRET; events are stored meanwhile).
    EXECUTOR_MODE: z.enum(["loop", "tick"], { message: 'expected "loop" or "tick"' }).default("loop"),
    // Runs the embedded executor of one instance drives at once (a dead instance's runs are taken over beyond it).
    EXECUTOR_CONCURRENCY: z.coerce.number({ message: "expected a number of runs" }).int().min(1, "expected at least 1").max(1000).default(10),
    // Model providers a workspace can pick (Workspace.modelProvider). Keys live only here, never in
    // the database; a provider whose key/URL is unset is refused when a run tries to use it.
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/, message: "expected the URL of an OpenAI API, e.g. https://api.openai.com/v1" }).optional(),
    OPENAI_MODEL: z.string().min(1).optional(),
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/, message: "expected the URL of an Anthropic API, e.g. https://api.anthropic.com/v1" }).optional(),
    ANTHROPIC_MODEL: z.string().min(1).optional(),
    OPENAI_COMPATIBLE_BASE_URL: z
      .url({ protocol: /^https?$/, message: "expected the URL of an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1" })
      .optional(),
    OPENAI_COMPATIBLE_API_KEY: z.string().min(1).optional(),
    OPENAI_COMPATIBLE_NAME: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a short lowercase name such as "ollama"')
      .optional(),
    OPENAI_COMPATIBLE_MODEL: z.string().min(1).optional(),
    // Longest wait for one HTTP request to a model provider (reply body included); a request that
    // takes longer is retried with back-off like a 5xx, then the run fails naming the provider.
    LLM_TIMEOUT_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).positive("expected more than 0 seconds").max(3600).optional(),
    LLM_PRICES: z
      .string()
      .transform((value, ctx) => {
        try {
          return JSON.parse(value) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "expected JSON" });
          return z.NEVER;
        }
      })
      .pipe(
        z.record(
          z.string().regex(/^[a-z-]+:.+$/, 'expected keys such as "openai:gpt-5-mini"'),
          z.object({ inputPerMillion: z.number().nonnegative(), outputPerMillion: z.number().nonnegative() }),
          { message: 'expected {"provider:model": {"inputPerMillion": 1.25, "outputPerMillion": 10}}' },
        ),
      )
      .optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  onValidationError: (issues) => {
    const lines = issues.map((issue) => {
      const name = issue.path?.map((part) => (typeof part === "object" ? part.key : part)).join(".") ?? "?";
      return `  ${String(name)}: ${issue.message}`;
    });
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  },
});

if (!env.GITHUB_ID !== !env.GITHUB_SECRET && !process.env.SKIP_ENV_VALIDATION) {
  throw new Error(
    "Invalid environment configuration:\n  GITHUB_ID/GITHUB_SECRET: set both to enable GitHub sign-in, or neither.",
  );
}

export type Env = typeof env;
