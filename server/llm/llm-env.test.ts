import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

// server/env.ts validates at import, so each case is a fresh process with its own environment.
function importEnvWith(vars: Record<string, string>): Promise<{ ok: boolean; stdout: string; output: string }> {
  const script = 'const { env } = await import("./server/env.ts"); console.log(JSON.stringify(env.LLM_PRICES ?? null));';
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "-e", script],
      { env: { PATH: process.env.PATH, ...vars } as unknown as NodeJS.ProcessEnv, encoding: "utf8" },
      (error, stdout, stderr) => resolve({ ok: !error, stdout, output: stderr + stdout }),
    );
  });
}

describe("model provider environment", () => {
  it("accepts a full provider configuration and parses LLM_PRICES", async () => {
    const { ok, stdout, output } = await importEnvWith({
      OPENAI_API_KEY: "sk-x",
      OPENAI_BASE_URL: "https://api.openai.com/v1",
      ANTHROPIC_API_KEY: "sk-ant-x",
      OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_COMPATIBLE_NAME: "ollama",
      LLM_PRICES: '{"openai:gpt-6-sol":{"inputPerMillion":2,"outputPerMillion":20}}',
    });
    expect(output).not.toContain("Invalid environment");
    expect(ok).toBe(true);
    expect(JSON.parse(stdout)).toEqual({ "openai:gpt-6-sol": { inputPerMillion: 2, outputPerMillion: 20 } });
  });

  it("names malformed values", async () => {
    // In parallel: each case is a fresh Node process.
    const [badUrl, badPrices, badShape] = await Promise.all([
      importEnvWith({ OPENAI_COMPATIBLE_BASE_URL: "localhost:11434" }),
      importEnvWith({ LLM_PRICES: "{nope" }),
      importEnvWith({ LLM_PRICES: '{"gpt-5":{"inputPerMillion":1}}' }),
    ]);
    expect(badUrl.ok).toBe(false);
    expect(badUrl.output).toContain("OPENAI_COMPATIBLE_BASE_URL: expected the URL of an OpenAI-compatible API");
    expect(badPrices.ok).toBe(false);
    expect(badPrices.output).toContain("LLM_PRICES: expected JSON");
    expect(badShape.ok).toBe(false);
    expect(badShape.output).toContain("LLM_PRICES");
  });
});
