import { handleMcpRequest } from "~/server/api/mcp/handler";
import { getSessionUser } from "~/server/auth/session";
import { getMigratedDatabase } from "~/server/db";
import { limitApiRequest } from "~/server/http/api-rate-limit";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";

/** POST /api/mcp — the MCP server (streamable HTTP, stateless) for AI assistants; Bearer API tokens. */
const handler = guardRoute(async (request) => handleMcpRequest(request, { db: (await getMigratedDatabase()).prisma, getSessionUser, limitRequest: (limited, kind) => limitApiRequest(limited, { kind }) }));

export { handler as GET, handler as POST, handler as DELETE };
