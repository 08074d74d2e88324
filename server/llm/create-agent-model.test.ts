// Drives the real AI SDK clients against a local fake of each provider's HTTP API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZPlan } from "~/server/plan/plan-schema";
import type { AgentModel } from "./agent-model";
import { createAgentModel, type LlmEnv } from "./create-agent-model";
import { BudgetExceededError, ModelConfigurationError, ModelProviderError, StructuredOutputError } from "./errors";
import { filesPrompt, planPrompt } from "./prompts";
import { createRunBudget } from "./run-budget";
import { startFakeLlmServer, type FakeLlmServer } from "./testing/fake-llm-server";
import { samplePlan } from "./testing/sample-plan";

let server: FakeLlmServer;
let env: LlmEnv;

beforeAll(async () => {
  server = await startFakeLlmServer();
  env = {
    OPENAI_API_KEY: "sk-test-openai",
    OPENAI_BASE_URL: server.baseURL,
    ANTHROPIC_API_KEY: "sk-ant-test",
    ANTHROPIC_BASE_URL: server.baseURL,
    OPENAI_COMPATIBLE_BASE_URL: `${server.url}/ollama/v1`,
    OPENAI_COMPATIBLE_NAME: "ollama",
  };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  expect(server.pendingReplies()).toBe(0);
});

const goodPlan = JSON.stringify(samplePlan);
const request = () => planPrompt({ userPrompt: "A to-do list app" });

describe("OpenAI provider (Responses API)", () => {
  const model = () => createAgentModel({ provider: "openai", modelName: "gpt-5-mini" }, env);

  it("parses a good plan and records usage and cost", async () => {
    server.enqueue({ text: goodPlan, usage: { inputTokens: 1_000, outputTokens: 2_000 } });
    const result = await model().generateStructured(request());

    expect(result.value).toEqual(ZPlan.parse(samplePlan));
    expect(result.attempts).toBe(1);
    expect(result.usage).toEqual({ inputTokens: 1_000, outputTokens: 2_000 });
    // gpt-5-mini: $0.25 in / $2 out per million tokens.
    expect(result.costUsd).toBeCloseTo(0.00025 + 0.004, 10);

    const [sent] = server.requests;
    expect(sent?.api).toBe("openai-responses");
    expect(sent?.headers.authorization).toBe("Bearer sk-test-openai");
    expect(sent?.model).toBe("gpt-5-mini");
    expect(sent?.body.text).toMatchObject({ format: { type: "json_schema", strict: false } });
    expect(sent?.promptText).toContain("A to-do list app");
  });

  it("sends the validation error back and succeeds on the second attempt", async () => {
    const invalidPlan = JSON.stringify({ ...samplePlan, pages: [{ path: "Home", title: "Home", purpose: "x" }] });
    server.enqueue({ text: "{ not json", usage: { inputTokens: 10, outputTokens: 5 } }, { text: invalidPlan, usage: { inputTokens: 20, outputTokens: 7 } }, goodPlan);

    // Two failures in a row (bad JSON, then JSON failing the schema) still fit the 2 default repairs.
    const result = await model().generateStructured(request());
    expect(result.attempts).toBe(3);
    expect(result.value.appName).toBe("Todo List");
    expect(result.usage.inputTokens).toBeGreaterThanOrEqual(30);

    const [, second, third] = server.requests;
    expect(second?.promptText).toContain("{ not json");
    expect(second?.promptText).toContain("the reply is not valid JSON");
    expect(third?.promptText).toContain("pages[0].path: must be a lowercase path starting with /");
  });

  it("malformed JSON then a good reply: attempts = 2 and the second request carries the error", async () => {
    server.enqueue({ text: '{"appName": "Todo"', usage: { inputTokens: 100, outputTokens: 10 } }, { text: goodPlan, usage: { inputTokens: 150, outputTokens: 300 } });
    const result = await model().generateStructured(request());

    expect(result.attempts).toBe(2);
    expect(result.usage).toEqual({ inputTokens: 250, outputTokens: 310 });
    expect(server.requests).toHaveLength(2);
    const second = server.requests[1];
    const input = second?.body.input as { role: string }[];
    // gpt-5 models take the system prompt as a "developer" message.
    expect(input.map((message) => message.role)).toEqual(["developer", "user", "assistant", "user"]);
    expect(second?.promptText).toContain("Your previous reply could not be used: the reply is not valid JSON");
  });

  it("gives up with StructuredOutputError naming the task and the last problem", async () => {
    server.enqueue("nope", "still nope", JSON.stringify({ appName: "x" }));
    const error = await model()
      .generateStructured(request())
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StructuredOutputError);
    const failure = error as StructuredOutputError;
    expect(failure.message).toMatch(/^PromptCompiler\.plan: the model's output was still invalid after 3 attempts\. Last problem: the JSON does not match the schema: summary: /);
    expect(failure.attempts).toBe(3);
    expect(failure.usage.inputTokens).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
  });

  it("accepts JSON wrapped in a Markdown fence without another attempt", async () => {
    server.enqueue("```json\n" + goodPlan + "\n```");
    const result = await model().generateStructured(request());
    expect(result.attempts).toBe(1);
    expect(result.value.kind).toBe("crud");
  });

  it("stops the run before the next call once a reply used up the budget", async () => {
    const budget = createRunBudget({ maxTokens: 5_000, spent: { tokensIn: 500, tokensOut: 0, costUsd: 0 } });
    server.enqueue({ text: goodPlan, usage: { inputTokens: 1_500, outputTokens: 4_000 } });

    // The call that crosses the limit still returns its (paid-for) result.
    const first = await model().generateStructured({ ...request(), budget });
    expect(first.value.appName).toBe("Todo List");
    expect(budget.totals).toEqual({ tokensIn: 2_000, tokensOut: 4_000, costUsd: first.costUsd });

    const error = await model()
      .generateStructured({ ...request(), budget })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toBe("Run budget exceeded: 6000 tokens used (2000 in, 4000 out) of a 5000-token limit.");
    expect(server.requests).toHaveLength(1);
  });

  it("charges failed attempts too, and stops repairing when they exhaust the USD budget", async () => {
    const budget = createRunBudget({ maxUsd: 0.01 });
    // 1M input tokens of gpt-5-mini = $0.25: the first malformed reply alone exceeds $0.01.
    server.enqueue({ text: "garbage", usage: { inputTokens: 1_000_000, outputTokens: 0 } });
    const error = await model()
      .generateStructured({ ...request(), budget })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toBe("Run budget exceeded: $0.2500 used of a $0.01 limit.");
    expect(budget.totals.tokensIn).toBe(1_000_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("Anthropic provider (Messages API)", () => {
  const model = () => createAgentModel({ provider: "anthropic", modelName: "claude-sonnet-4-5" }, env);

  it("parses a good plan and prices it", async () => {
    server.enqueue({ text: goodPlan, usage: { inputTokens: 1_000_000, outputTokens: 100_000 } });
    const result = await model().generateStructured(request());

    expect(result.value).toEqual(ZPlan.parse(samplePlan));
    expect(result.usage).toEqual({ inputTokens: 1_000_000, outputTokens: 100_000 });
    expect(result.costUsd).toBeCloseTo(3 + 1.5, 10);
    const [sent] = server.requests;
    expect(sent?.api).toBe("anthropic-messages");
    expect(sent?.headers["x-api-key"]).toBe("sk-ant-test");
    expect(sent?.promptText).toContain("You are PromptCompiler");
    // The plan schema is recursive (expressions) and has open maps (record actions, tool
    // settings), which Anthropic's native structured outputs cannot represent: the SDK asks
    // through its forced "json" tool instead, and zod validates the answer either way.
    expect(sent?.body.output_config).toBeUndefined();
    expect(sent?.body.tools).toEqual([expect.objectContaining({ name: "json" })]);
  });

  it("uses native structured outputs for schemas they can represent (a file set)", async () => {
    const files = { summary: "Wrote the page", files: [{ path: "index.html", content: "<!doctype html>" }] };
    server.enqueue({ text: JSON.stringify(files), usage: { inputTokens: 10, outputTokens: 10 } });
    const result = await model().generateStructured(filesPrompt({ agent: "CodeGen", plan: ZPlan.parse(samplePlan) }));

    expect(result.value).toEqual(files);
    expect(server.requests[0]?.body.output_config).toMatchObject({ format: { type: "json_schema" } });
  });

  it("works through the forced json tool on models without native structured outputs", async () => {
    const haiku = createAgentModel({ provider: "anthropic", modelName: "claude-3-haiku-20240307" }, env);
    server.enqueue("Sure! Here is the plan.", JSON.stringify({ ...samplePlan, tasks: [] }), goodPlan);
    const result = await haiku.generateStructured(request());

    expect(result.attempts).toBe(3);
    expect(result.value.tasks).toHaveLength(3);
    expect(result.costUsd).toBeGreaterThan(0); // priced through its undated alias claude-3-haiku
    expect(server.requests[0]?.body.tools).toEqual([expect.objectContaining({ name: "json" })]);
    expect(server.requests[1]?.promptText).toContain("the reply is not valid JSON");
    expect(server.requests[2]?.promptText).toContain("tasks: Too small");
  });

  it("repairs malformed output the same way", async () => {
    server.enqueue(JSON.stringify({ ...samplePlan, kind: "spaceship" }), goodPlan);
    const result = await model().generateStructured(request());

    expect(result.attempts).toBe(2);
    expect(server.requests[1]?.promptText).toContain("kind: Invalid option");
  });

  it("fails with StructuredOutputError after the configured number of repairs", async () => {
    const strict = createAgentModel({ provider: "anthropic" }, env, { maxRepairAttempts: 0 });
    expect(strict.model).toBe("claude-sonnet-4-5");
    server.enqueue("I cannot do that.");
    await expect(strict.generateStructured(request())).rejects.toThrow(
      /PromptCompiler\.plan: the model's output was still invalid after 1 attempt\. Last problem: the reply is not valid JSON/,
    );
  });
});

describe("OpenAI-compatible provider (Ollama-style)", () => {
  it("calls Chat Completions at the configured base URL with a json_schema response format, at no cost", async () => {
    const model: AgentModel = createAgentModel({ provider: "openai-compatible", modelName: "qwen2.5-coder:14b" }, env);
    server.enqueue({ text: goodPlan, usage: { inputTokens: 900, outputTokens: 1_200 } });
    const result = await model.generateStructured(request());

    expect(result.value.appName).toBe("Todo List");
    expect(result.usage).toEqual({ inputTokens: 900, outputTokens: 1_200 });
    expect(result.costUsd).toBe(0);
    const [sent] = server.requests;
    expect(sent?.api).toBe("openai-chat");
    expect(sent?.path).toBe("/ollama/v1/chat/completions");
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body.response_format).toMatchObject({ type: "json_schema" });
    expect(sent?.model).toBe("qwen2.5-coder:14b");
  });

  it("sends the API key when one is configured (OpenRouter)", async () => {
    const model = createAgentModel(
      { provider: "openai-compatible", modelName: "openai/gpt-5-mini" },
      { ...env, OPENAI_COMPATIBLE_API_KEY: "sk-or-test", OPENAI_COMPATIBLE_BASE_URL: `${server.url}/api/v1` },
    );
    server.enqueue(goodPlan);
    await model.generateStructured(request());
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-or-test");
  });
});

describe("provider failures", () => {
  it("reports API errors as the provider's failure, not as invalid output", async () => {
    server.enqueue({ error: { status: 401, message: "Incorrect API key provided" } });
    const model = createAgentModel({ provider: "openai" }, env);
    const error = await model.generateStructured(request()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelProviderError);
    expect(error).toMatchObject({ provider: "openai", model: "gpt-5-mini", statusCode: 401, isRetryable: false, httpAttempts: 1 });
    expect((error as Error).message).toBe("Model provider openai (gpt-5-mini) failed: HTTP 401: Incorrect API key provided (PromptCompiler.plan).");
    expect((error as Error).cause).toMatchObject({ name: "AI_APICallError", statusCode: 401 });
  });
});

describe("configuration", () => {
  it.each([
    ["openai", "OPENAI_API_KEY", { ...env, OPENAI_API_KEY: undefined }],
    ["anthropic", "ANTHROPIC_API_KEY", { ...env, ANTHROPIC_API_KEY: undefined }],
    ["openai-compatible", "OPENAI_COMPATIBLE_BASE_URL", { ...env, OPENAI_COMPATIBLE_BASE_URL: undefined }],
  ])("refuses %s without %s", (provider, envVar, partialEnv) => {
    const attempt = () => createAgentModel({ provider, modelName: "m" }, partialEnv);
    expect(attempt).toThrow(ModelConfigurationError);
    expect(attempt).toThrow(`The workspace uses the "${provider}" model provider, but ${envVar} is not set`);
    try {
      attempt();
    } catch (error) {
      expect((error as ModelConfigurationError).envVar).toBe(envVar);
    }
  });

  it("needs a model name for an OpenAI-compatible server", () => {
    expect(() => createAgentModel({ provider: "openai-compatible" }, env)).toThrow(/OPENAI_COMPATIBLE_MODEL/);
  });

  it("rejects unknown providers and plugs in the offline generator", () => {
    expect(() => createAgentModel({ provider: "gemini" }, env)).toThrow(/Unknown model provider "gemini"/);
    expect(() => createAgentModel({ provider: "offline" }, env)).toThrow(ModelConfigurationError);

    const offline: AgentModel = {
      provider: "offline",
      model: "offline-v1",
      generateStructured: async (structured) => ({
        value: structured.schema.parse(samplePlan),
        usage: { inputTokens: 0, outputTokens: 0 },
        costUsd: 0,
        attempts: 1,
      }),
    };
    expect(createAgentModel({ provider: "offline" }, env, { offline: () => offline })).toBe(offline);
  });

  it("uses LLM_PRICES for models the built-in table does not know", () => {
    const model = createAgentModel({ provider: "openai", modelName: "gpt-6-sol" }, { ...env, LLM_PRICES: { "openai:gpt-6-sol": { inputPerMillion: 2, outputPerMillion: 20 } } });
    expect(model.price).toEqual({ inputPerMillion: 2, outputPerMillion: 20 });
    expect(createAgentModel({ provider: "openai", modelName: "gpt-6-sol" }, env).price).toBeUndefined();
  });
});
