// Vercel: a token (Account Settings → Tokens, scoped to the team) and optionally the team id.
// Verified with GET /v2/user, then GET /v2/teams/:id for a team.
import type { ProviderAdapter } from "../credentials";
import { verifyVercel } from "../../deployments/targets/vercel-target";

export const vercelAdapter: ProviderAdapter<"VERCEL"> = { provider: "VERCEL", verify: verifyVercel };
