import { getKeyRing } from "../secrets/app-key-ring";
import { getEndpointPolicy } from "./app-endpoint-policy";
import type { ConnectionOptions } from "./connections";

/** The process's keys and endpoint policy, for callers outside tests (the API, the pipeline). */
export function getConnectionOptions(): ConnectionOptions {
  return { keyRing: getKeyRing(), endpointPolicy: getEndpointPolicy() };
}
