import { createRestRoute } from "~/server/api/rest/rest-route";
import { getSessionUser } from "~/server/auth/session";
import { getMigratedDatabase } from "~/server/db";

// The REST API (/api/v1/…) and its OpenAPI document (/api/v1/openapi.json): server/api/rest.
const handler = createRestRoute({ getDb: async () => (await getMigratedDatabase()).prisma, getSessionUser });

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as HEAD };
