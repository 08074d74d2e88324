// Structured output over any AI SDK language model: ask with the schema as the provider's JSON
// response format, validate with zod, and on malformed output show the model its reply and the
// exact problem so it can correct it. Every attempt is charged, failed ones included.
import { generateText, NoObjectGeneratedError, Output, type LanguageModel, type LanguageModelUsage, type ModelMessage } from "ai";
import type { z } from "zod";
import type { StructuredRequest, StructuredResult, TokenUsage } from "./agent-model";
import { ModelProviderError, StructuredOutputError } from "./errors";
import { describeProviderFailure } from "./provider-failure";
import { parseStructuredText } from "./parse-structured-text";
import { costOf, type ModelPrice } from "./pricing";
import { repairPrompt } from "./prompts";
import { withSpan } from "../observability/tracing";

/** Per-provider options (ProviderOptions lives in @ai-sdk/provider-utils, not a direct dependency). */
type ProviderOptions = NonNullable<Parameters<typeof generateText>[0]["providerOptions"]>;

export type StructuredGenerationSettings = {
  model: LanguageModel;
  /** Named in errors: "Model provider openai (gpt-5-mini) failed: …". */
  provider: string;
  modelId: string;
  price: ModelPrice | undefined;
  providerOptions?: ProviderOptions;
  /** Extra attempts after a malformed reply (default 2, so at most 3 calls). */
  maxRepairAttempts?: number;
  /** AI SDK retries of transport failures (429, 5xx, network); default 2 with backoff. */
  maxTransportRetries?: number;
};

export async function generateStructured<Schema extends z.ZodType>(
  settings: StructuredGenerationSettings,
  request: StructuredRequest<Schema>,
): Promise<StructuredResult<z.output<Schema>>> {
  const maxAttempts = 1 + (settings.maxRepairAttempts ?? 2);
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let costUsd = 0;
  const messages: ModelMessage[] = [{ role: "user", content: request.prompt }];

  const charge = (callUsage: LanguageModelUsage | undefined) => {
    const spent = { inputTokens: callUsage?.inputTokens ?? 0, outputTokens: callUsage?.outputTokens ?? 0 };
    const spentUsd = costOf(spent, settings.price);
    usage.inputTokens += spent.inputTokens;
    usage.outputTokens += spent.outputTokens;
    costUsd += spentUsd;
    request.budget?.charge(spent, spentUsd);
  };

  let lastIssue = "";
  let lastText = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    request.budget?.assertAvailable();
    try {
      // One span per model call (no prompt or reply recorded: they hold users' text).
      const result = await withSpan(`model ${request.task}`, { "gen_ai.operation.name": "generate_text", "epic.task": request.task, "epic.model_attempt": attempt }, async (span) => {
        const answer = await generateText({
          model: settings.model,
          instructions: request.system,
          messages,
          output: Output.object({ schema: request.schema, name: outputName(request.task) }),
          maxOutputTokens: request.maxOutputTokens,
          maxRetries: settings.maxTransportRetries,
          providerOptions: settings.providerOptions,
          abortSignal: request.abortSignal,
        });
        span.setAttributes({ "gen_ai.usage.input_tokens": answer.usage.inputTokens ?? 0, "gen_ai.usage.output_tokens": answer.usage.outputTokens ?? 0 });
        return answer;
      });
      charge(result.usage);
      return { value: result.output as z.output<Schema>, usage: { ...usage }, costUsd, attempts: attempt };
    } catch (error) {
      if (!NoObjectGeneratedError.isInstance(error)) {
        const failure = request.abortSignal?.aborted ? undefined : describeProviderFailure(error);
        if (!failure) throw error;
        // Replies of earlier attempts (which failed validation) were paid for: the error carries them.
        throw new ModelProviderError({ provider: settings.provider, model: settings.modelId, task: request.task, ...failure, usage: { ...usage }, costUsd, cause: error });
      }
      charge(error.usage);
      lastText = error.text ?? "";
      // Re-check the reply ourselves: it gives a precise, model-readable problem statement, and
      // accepts replies the SDK rejects only for formatting (e.g. JSON inside a ``` fence).
      const checked = parseStructuredText(lastText, request.schema);
      if (checked.success) return { value: checked.value, usage: { ...usage }, costUsd, attempts: attempt };
      lastIssue = error.finishReason === "length" ? `${checked.issue} (the reply was cut off at the output token limit)` : checked.issue;
      messages.push({ role: "assistant", content: lastText || "(empty reply)" }, { role: "user", content: repairPrompt(lastIssue) });
    }
  }
  throw new StructuredOutputError({ task: request.task, attempts: maxAttempts, lastIssue, lastText, usage: { ...usage }, costUsd });
}

/** Providers want a short identifier-like schema name. */
function outputName(task: string): string {
  return task.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 64) || "response";
}
