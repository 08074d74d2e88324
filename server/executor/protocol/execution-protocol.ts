// The Inngest SDK's HTTP execution protocol, executor side: the body we POST to the serve
// handler and what its answers mean. Everything the SDK sends back is parsed here with zod, so
// the rest of the engine works with typed values.
import { z } from "zod";

/** Every opcode the SDK (inngest 4.x) can put in a 206 answer. */
export const opcodes = [
  "StepRun",
  "Step",
  "StepError",
  "StepFailed",
  "StepPlanned",
  "Sleep",
  "WaitForEvent",
  "InvokeFunction",
  "WaitForSignal",
  "AIGateway",
  "Gateway",
  "RunComplete",
  "DiscoveryRequest",
  "DeferAdd",
  "DeferAbort",
  "StepNotFound",
] as const;
export type Opcode = (typeof opcodes)[number];

export const ZSerializedError = z
  .object({ name: z.string().optional(), message: z.string().optional(), stack: z.string().optional() })
  .loose();
export type SerializedError = z.infer<typeof ZSerializedError>;

export const ZOutgoingOp = z
  .object({
    id: z.string().min(1),
    op: z.enum(opcodes),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .loose();
export type OutgoingOp = z.infer<typeof ZOutgoingOp>;

/** Memoized state of one step, as the SDK expects it in `steps`. */
export type StepState = { type: "data"; data: unknown } | { type: "error"; error: unknown };

export type ExecutionRequest = {
  functionId: string;
  /** "step" to discover what to do next, or a hashed step id to run that planned step. */
  stepId: string;
  runId: string;
  attempt: number;
  maxAttempts: number;
  event: Record<string, unknown>;
  steps: Record<string, StepState>;
  /** Hashed ids of finished steps in completion order; the SDK replays them in this order. */
  stack: string[];
};

export function buildExecutionBody(request: ExecutionRequest) {
  return {
    event: request.event,
    events: [request.event],
    steps: request.steps,
    ctx: {
      run_id: request.runId,
      attempt: request.attempt,
      // Lets the SDK itself decide when an error is final (StepFailed instead of StepError).
      max_attempts: request.maxAttempts,
      disable_immediate_execution: false,
      use_api: false,
      // No `fn_id`: without it the SDK stays in plain async mode and never tries to checkpoint
      // to an Inngest API we do not have.
      stack: { stack: request.stack, current: request.stack.length },
    },
    version: 2,
  };
}

export type ExecutionResult =
  /** 200: the function returned. */
  | { kind: "completed"; output: unknown }
  /** 206: steps ran, or new steps/waits were found. `retryAfter` comes with a RetryAfterError. */
  | { kind: "ops"; ops: OutgoingOp[]; retryAfter: string | null }
  /** The function threw outside a step (or the SDK refused the request as a function error). */
  | { kind: "function-error"; isRetriable: boolean; retryAfter: string | null; error: SerializedError }
  /** Not an SDK execution answer at all: 401, 404, a proxy error, a network failure. */
  | { kind: "unexpected"; status: number; message: string };

const noRetryHeader = "x-inngest-no-retry";
const retryAfterHeader = "retry-after";

function parseJson(text: string): unknown {
  if (text === "") return null;
  return JSON.parse(text);
}

export function parseExecutionResponse(status: number, headers: Headers, text: string): ExecutionResult {
  try {
    if (status === 200) return { kind: "completed", output: parseJson(text) };
    if (status === 206) {
      const body = parseJson(text);
      const parsed = z.array(ZOutgoingOp).safeParse(Array.isArray(body) ? body : [body]);
      if (!parsed.success) {
        return { kind: "unexpected", status, message: `Unreadable ops from the SDK: ${parsed.error.message}` };
      }
      return { kind: "ops", ops: parsed.data, retryAfter: headers.get(retryAfterHeader) };
    }
    const noRetry = headers.get(noRetryHeader);
    if (status >= 400 && noRetry !== null) {
      const error = ZSerializedError.safeParse(parseJson(text));
      return {
        kind: "function-error",
        isRetriable: noRetry !== "true",
        retryAfter: headers.get(retryAfterHeader),
        error: error.success ? error.data : { name: "Error", message: text.slice(0, 2000) },
      };
    }
    return { kind: "unexpected", status, message: text.slice(0, 2000) || `HTTP ${status}` };
  } catch (error) {
    return { kind: "unexpected", status, message: `Unreadable answer: ${String(error)}` };
  }
}
