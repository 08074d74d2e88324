import { env } from "../env";
import type { EndpointPolicy } from "./endpoint-policy";

/** The endpoint policy this server runs with (INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS). */
export function getEndpointPolicy(): EndpointPolicy {
  return { allowPrivate: env.INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS };
}
