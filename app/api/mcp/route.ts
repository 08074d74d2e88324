import { handleMcpRequest } from "~/server/api/mcp/handler";
import { getSessionUser } from "~/server/auth/session";
import { getMigratedDatabase } from "~/server/db";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";

/** POST /api/mcp — the MCP server (streamable HTTP, stateless) for AI assistants; Bearer API tokens. */
const handler = guardRoute(async (request) => handleMcpRequest(request, { db: (await getMigratedDatabase()).prisma, getSessionUser }));

export { handler as GET, handler as POST, handler as DELETE };
