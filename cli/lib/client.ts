// The typed tRPC client the commands call: the app's AppRouter type (erased at runtime, so the
// CLI bundles none of the server), superjson like the dashboard, and the token as a Bearer header.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../../server/api/root";
import type { Credentials } from "./config";

export type ApiClient = ReturnType<typeof createApiClient>;

export const userAgent = "epic-cli";

export function createApiClient({ url, token }: Credentials) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/api/trpc`,
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${token}`, "user-agent": userAgent }),
      }),
    ],
  });
}
