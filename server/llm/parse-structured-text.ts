// Parses a model's JSON reply against a zod schema and, on failure, says what is wrong in words a
// model can act on (the same text goes into the repair prompt and into StructuredOutputError).
import type { z } from "zod";

export type ParsedStructuredText<Value> = { success: true; value: Value } | { success: false; issue: string };

const maxListedIssues = 8;

export function parseStructuredText<Schema extends z.ZodType>(text: string, schema: Schema): ParsedStructuredText<z.output<Schema>> {
  const trimmed = stripCodeFence(text.trim());
  if (!trimmed) return { success: false, issue: "the reply was empty; expected a JSON object" };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    return { success: false, issue: `the reply is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { success: true, value: parsed.data };
  const issues = parsed.error.issues;
  const listed = issues.slice(0, maxListedIssues).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  if (issues.length > maxListedIssues) listed.push(`…and ${issues.length - maxListedIssues} more`);
  return { success: false, issue: `the JSON does not match the schema: ${listed.join("; ")}` };
}

/** Local models often wrap JSON in a Markdown fence despite the response format. */
function stripCodeFence(text: string): string {
  const match = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/.exec(text);
  return match?.[1]?.trim() ?? text;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");
}
