// The agents of the pipeline, in the order a run meets them. Zod-free and import-free on purpose:
// the plan schema, the model prompts, the pipeline and the dashboard's timeline all read this one
// list, and client code can import it without shipping a schema library.
export const agentNames = ["PromptCompiler", "CodeGen", "DB", "Infra", "QA", "Deploy"] as const;
export type AgentName = (typeof agentNames)[number];

/** The agents that write files into a version (in parallel, after the plan). */
export const fileAgentNames = ["CodeGen", "DB", "Infra"] as const satisfies readonly AgentName[];
export type FileAgentName = (typeof fileAgentNames)[number];

export function isAgentName(value: unknown): value is AgentName {
  return typeof value === "string" && (agentNames as readonly string[]).includes(value);
}
