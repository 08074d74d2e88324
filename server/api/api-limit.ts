// The rate-limit hook of the GraphQL and MCP endpoints. They work out what a request is (a read,
// a change, or the start of a run, which costs model tokens) and ask the gateway's limiter, whose
// answer has the shape of the REST gateway's `limitApiRequest` (server/http/api-rate-limit.ts), so
// all three APIs count against the same budgets.
import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";

export type ApiRequestKind = "read" | "write" | "run";

export type LimitResult = { isAllowed: boolean; retryAfterSeconds: number; headers: Record<string, string> };
export type LimitRequest = (request: Request, kind: ApiRequestKind) => Promise<LimitResult>;

/** GraphQL mutations that start a run (the costly kind). */
const RUN_STARTING_MUTATIONS = new Set(["createProject", "followUp", "retryRun"]);
/** MCP tools by kind; any other tool (and any other message) is a read. */
const RUN_STARTING_TOOLS = new Set(["create_project", "send_follow_up"]);
const WRITING_TOOLS = new Set(["approve_plan", "rollback", "rollback_target"]);

export function graphqlRequestKind(document: DocumentNode, operationName?: string | null): ApiRequestKind {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (operation?.operation !== "mutation") return "read";
  const fields = operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
  return fields.some((field) => RUN_STARTING_MUTATIONS.has(field)) ? "run" : "write";
}

export function mcpRequestKind(message: unknown): ApiRequestKind {
  const messages = Array.isArray(message) ? message : [message];
  let kind: ApiRequestKind = "read";
  for (const item of messages) {
    const call = item as { method?: unknown; params?: { name?: unknown } } | null;
    if (call?.method !== "tools/call" || typeof call.params?.name !== "string") continue;
    if (RUN_STARTING_TOOLS.has(call.params.name)) return "run";
    if (WRITING_TOOLS.has(call.params.name)) kind = "write";
  }
  return kind;
}
