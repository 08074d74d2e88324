// The functions the serve handler exposes, read the way an Inngest server reads them: from the
// handler's in-band sync answer (PUT with `x-inngest-sync-kind: in_band`). The executor never
// imports function objects, so it drives an app it reaches over HTTP exactly like one in-process.
import { z } from "zod";
import { sendToHandler, type ServeTransport } from "./serve-transport";

/** Inngest's default: 3 retries, so 4 attempts. */
const defaultRetries = 3;

const ZConcurrencyOption = z.object({
  limit: z.number().int(),
  key: z.string().nullish(),
  scope: z.enum(["fn", "env", "account"]).nullish(),
});

const ZFunctionConfig = z
  .object({
    id: z.string().min(1),
    name: z.string().nullish(),
    triggers: z
      .array(z.object({ event: z.string().nullish(), expression: z.string().nullish(), cron: z.string().nullish() }).loose())
      .default([]),
    steps: z.record(z.string(), z.object({ retries: z.object({ attempts: z.number().int() }).nullish() }).loose()).default({}),
    concurrency: z
      .union([z.number().int(), ZConcurrencyOption, z.array(z.union([z.number().int(), ZConcurrencyOption]))])
      .nullish(),
    cancel: z
      .array(z.object({ event: z.string(), if: z.string().nullish(), timeout: z.string().nullish() }))
      .nullish(),
    idempotency: z.string().nullish(),
  })
  .loose();

const ZSyncAnswer = z.object({ app_id: z.string(), functions: z.array(ZFunctionConfig) }).loose();

export type ConcurrencyRule = { limit: number; key: string | null; scope: "fn" | "env" | "account" };

export type RegisteredFunction = {
  id: string;
  name: string;
  triggers: { event: string; expression: string | null }[];
  maxAttempts: number;
  concurrency: ConcurrencyRule[];
  cancelOn: { event: string; if: string | null; timeout: string | null }[];
  idempotency: string | null;
  /** Options present in the config that this executor does not enforce (reported, not silent). */
  ignoredOptions: string[];
};

export type FunctionRegistry = { appId: string; functions: Map<string, RegisteredFunction> };

const enforcedKeys = new Set(["id", "name", "triggers", "steps", "concurrency", "cancel", "idempotency"]);

function toRegisteredFunction(config: z.infer<typeof ZFunctionConfig>): RegisteredFunction {
  const rawConcurrency = config.concurrency;
  const concurrencyList = rawConcurrency == null ? [] : Array.isArray(rawConcurrency) ? rawConcurrency : [rawConcurrency];
  const retries = config.steps.step?.retries?.attempts ?? defaultRetries;
  return {
    id: config.id,
    name: config.name ?? config.id,
    triggers: config.triggers.flatMap((trigger) =>
      trigger.event ? [{ event: trigger.event, expression: trigger.expression ?? null }] : [],
    ),
    maxAttempts: Math.max(1, retries + 1),
    concurrency: concurrencyList
      .map((rule) => (typeof rule === "number" ? { limit: rule, key: null, scope: "fn" as const } : { limit: rule.limit, key: rule.key ?? null, scope: rule.scope ?? "fn" }))
      // Inngest treats a limit of 0 as "no limit".
      .filter((rule) => rule.limit > 0),
    cancelOn: (config.cancel ?? []).map((rule) => ({ event: rule.event, if: rule.if ?? null, timeout: rule.timeout ?? null })),
    idempotency: config.idempotency ?? null,
    ignoredOptions: Object.entries(config)
      .filter(([key, value]) => !enforcedKeys.has(key) && value !== undefined && value !== null)
      .map(([key]) => key),
  };
}

export async function syncFunctions(transport: ServeTransport): Promise<FunctionRegistry> {
  const response = await sendToHandler(transport, {
    method: "PUT",
    headers: { "x-inngest-sync-kind": "in_band" },
    body: { url: transport.serveUrl },
  });
  if (response.status !== 200) {
    throw new Error(`Syncing functions failed: the serve handler answered ${response.status} ${response.text.slice(0, 500)}`);
  }
  const answer = ZSyncAnswer.parse(JSON.parse(response.text));
  return {
    appId: answer.app_id,
    functions: new Map(answer.functions.map((config) => [config.id, toRegisteredFunction(config)])),
  };
}

/** Whether a trigger's event pattern ("a.b" or the wildcard "a.*") names this event. */
export function eventMatchesPattern(pattern: string, eventName: string): boolean {
  return pattern.endsWith("*") ? eventName.startsWith(pattern.slice(0, -1)) : pattern === eventName;
}
