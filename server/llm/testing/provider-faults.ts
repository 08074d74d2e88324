// Model provider faults, scripted at the fake provider and run through the real agent model layer
// (createAgentModel → AI SDK client → HTTP → fake server), with a real run budget. The test
// (provider-faults.test.ts) asserts each scenario's outcome; the faults bench prints what they cost.
import { createAgentModel, type LlmEnv } from "../create-agent-model";
import { planPrompt } from "../prompts";
import { createRunBudget } from "../run-budget";
import { startFakeLlmServer, type FakeLlmReply } from "./fake-llm-server";
import { samplePlan } from "./sample-plan";

const goodPlan = JSON.stringify(samplePlan);
/** Valid JSON that fails the plan's schema (a page path without its slash). */
const invalidPlan = JSON.stringify({ ...samplePlan, pages: [{ path: "Home", title: "Home", purpose: "x" }] });
const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

const rateLimited = (retryAfterSeconds?: number): FakeLlmReply => ({ error: { status: 429, message: "Rate limit reached for requests", retryAfterSeconds } });
const serverError: FakeLlmReply = { error: { status: 500, message: "The server had an error while processing your request" } };
const paid = (text: string): FakeLlmReply => ({ text, usage: { inputTokens: 1_000, outputTokens: 200 } });

export type ProviderFaultScenario = {
  name: string;
  /** The fake's replies, in order; the last one repeats for every later request. */
  replies: FakeLlmReply[];
  expected: {
    outcome: "succeeded" | "failed";
    calls: number;
    /** Start of the error the run would show. */
    error?: RegExp;
    /** Input + output tokens the run budget must hold afterwards. */
    tokens: number;
    /** Lower bound of every gap between two requests (Retry-After honoured). */
    minGapMs?: number;
  };
};

const okTokens = 1_200;
const providerName = "Model provider openai-compatible \\(fake-coder\\) failed: ";

/** LLM_TIMEOUT_SECONDS for the scenarios: the stalled ones give up after this. */
export const faultCallTimeoutSeconds = 1;

export const providerFaultScenarios: ProviderFaultScenario[] = [
  {
    name: "429 ×2 with Retry-After: 1, then OK",
    replies: [rateLimited(1), rateLimited(1), paid(goodPlan)],
    expected: { outcome: "succeeded", calls: 3, tokens: okTokens, minGapMs: 950 },
  },
  {
    name: "429 every time (Retry-After: 1)",
    replies: [rateLimited(1)],
    expected: { outcome: "failed", calls: 3, tokens: 0, error: new RegExp(`^${providerName}rate limited \\(HTTP 429: Rate limit reached for requests\\) after 3 attempts`), minGapMs: 950 },
  },
  {
    name: "500, then OK",
    replies: [serverError, paid(goodPlan)],
    expected: { outcome: "succeeded", calls: 2, tokens: okTokens },
  },
  {
    name: "500 every time",
    replies: [serverError],
    expected: { outcome: "failed", calls: 3, tokens: 0, error: new RegExp(`^${providerName}server error \\(HTTP 500: .*\\) after 3 attempts`) },
  },
  {
    name: "proxy's HTML page (502), then OK",
    replies: [{ garbage: { status: 502, body: proxyPage } }, paid(goodPlan)],
    expected: { outcome: "succeeded", calls: 2, tokens: okTokens },
  },
  {
    name: "HTML body with HTTP 200",
    replies: [{ garbage: { status: 200, body: proxyPage } }],
    expected: { outcome: "failed", calls: 1, tokens: 0, error: new RegExp(`^${providerName}an unreadable reply \\(HTTP 200, not the API's JSON\\)`) },
  },
  {
    name: "reply not JSON, then JSON failing the schema, then OK",
    replies: [paid("Sure! Here is your plan: {appName: Todo"), paid(invalidPlan), paid(goodPlan)],
    expected: { outcome: "succeeded", calls: 3, tokens: 3 * okTokens },
  },
  {
    name: "reply not JSON, every time",
    replies: [paid("I cannot help with that.")],
    expected: { outcome: "failed", calls: 3, tokens: 3 * okTokens, error: /^PromptCompiler\.plan: the model's output was still invalid after 3 attempts\. Last problem: the reply is not valid JSON/ },
  },
  {
    name: "JSON failing the schema, then 500 every time",
    replies: [paid(invalidPlan), serverError],
    expected: { outcome: "failed", calls: 4, tokens: okTokens, error: new RegExp(`^${providerName}server error \\(HTTP 500: .*\\) after 3 attempts`) },
  },
  {
    name: `no answer (stalled) once, then OK`,
    replies: [{ stall: true }, paid(goodPlan)],
    expected: { outcome: "succeeded", calls: 2, tokens: okTokens, minGapMs: faultCallTimeoutSeconds * 1000 - 50 },
  },
  {
    name: "no answer (stalled) every time",
    replies: [{ stall: true }],
    expected: { outcome: "failed", calls: 3, tokens: 0, error: new RegExp(`^${providerName}no response within ${faultCallTimeoutSeconds} s \\(LLM_TIMEOUT_SECONDS\\) after 3 attempts`) },
  },
  {
    name: "401 bad API key",
    replies: [{ error: { status: 401, message: "Incorrect API key provided" } }],
    expected: { outcome: "failed", calls: 1, tokens: 0, error: new RegExp(`^${providerName}HTTP 401: Incorrect API key provided`) },
  },
];

export type ProviderFaultResult = {
  name: string;
  outcome: "succeeded" | "failed";
  calls: number;
  error: string | null;
  errorName: string | null;
  /** Whether the pipeline would give the step its own retries later (see run-pipeline.ts). */
  isRetryable: boolean | null;
  elapsedMs: number;
  /** Gaps between consecutive requests, as the fake saw them. */
  gapsMs: number[];
  tokens: number;
};

/** Runs one scenario: one structured call (the plan) against a fresh fake provider. */
export async function runProviderFault(scenario: ProviderFaultScenario): Promise<ProviderFaultResult> {
  const last = scenario.replies.at(-1)!;
  const script = [...scenario.replies];
  const server = await startFakeLlmServer({ respond: () => script.shift() ?? last });
  try {
    const env: LlmEnv = { OPENAI_COMPATIBLE_BASE_URL: server.baseURL, OPENAI_COMPATIBLE_NAME: "fake", OPENAI_COMPATIBLE_MODEL: "fake-coder", LLM_TIMEOUT_SECONDS: faultCallTimeoutSeconds };
    const model = createAgentModel({ provider: "openai-compatible" }, env);
    const budget = createRunBudget();
    const startedAt = performance.now();
    let error: unknown = null;
    try {
      await model.generateStructured({ ...planPrompt({ userPrompt: "A to-do list app" }), budget });
    } catch (caught) {
      error = caught;
    }
    const elapsedMs = performance.now() - startedAt;
    const times = server.requests.map((request) => request.receivedAt);
    return {
      name: scenario.name,
      outcome: error ? "failed" : "succeeded",
      calls: server.requests.length,
      error: error instanceof Error ? error.message : error ? String(error) : null,
      errorName: error instanceof Error ? error.name : null,
      isRetryable: error && typeof error === "object" && "isRetryable" in error ? Boolean(error.isRetryable) : null,
      elapsedMs,
      gapsMs: times.slice(1).map((time, index) => time - times[index]!),
      tokens: budget.totals.tokensIn + budget.totals.tokensOut,
    };
  } finally {
    await server.close();
  }
}
