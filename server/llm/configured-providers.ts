import type { ModelProvider } from "./agent-model";
import type { LlmEnv } from "./create-agent-model";

/** The providers this server can use right now: offline always, the others when their key or URL is set. */
export function configuredModelProviders(env: LlmEnv): ModelProvider[] {
  const providers: ModelProvider[] = ["offline"];
  if (env.OPENAI_API_KEY) providers.push("openai");
  if (env.ANTHROPIC_API_KEY) providers.push("anthropic");
  if (env.OPENAI_COMPATIBLE_BASE_URL) providers.push("openai-compatible");
  return providers;
}
