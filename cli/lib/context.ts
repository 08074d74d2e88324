// What every command gets: the output (human or --json), the credentials and the API client.
import { createApiClient, type ApiClient } from "./client";
import { loadCredentials, type Credentials } from "./config";
import { Output } from "./output";

export type CommandContext = { output: Output; credentials: Credentials; api: ApiClient };

export async function createCommandContext(output: Output): Promise<CommandContext> {
  const credentials = await loadCredentials();
  return { output, credentials, api: createApiClient(credentials) };
}
