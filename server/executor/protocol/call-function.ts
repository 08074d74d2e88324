// One execution request to the serve handler: run the function with the memoized state and
// report what it did.
import { buildExecutionBody, parseExecutionResponse, type ExecutionRequest, type ExecutionResult } from "./execution-protocol";
import { sendToHandler, type ServeTransport } from "./serve-transport";

export async function callFunction(transport: ServeTransport, request: ExecutionRequest): Promise<ExecutionResult> {
  try {
    const response = await sendToHandler(transport, {
      method: "POST",
      query: { fnId: request.functionId, stepId: request.stepId },
      body: buildExecutionBody(request),
    });
    return parseExecutionResponse(response.status, response.headers, response.text);
  } catch (error) {
    return { kind: "unexpected", status: 0, message: error instanceof Error ? error.message : String(error) };
  }
}
