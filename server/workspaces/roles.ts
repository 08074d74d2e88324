// Zod-free on purpose: client components import the role list, and zod would add ~30 kB to them.
// Prisma's generated enums module is plain constants (no client, no Node APIs), so the browser can
// import it: the roles are the schema's, in the schema's order (highest first).
import { WorkspaceRole } from "../db/generated/enums";

export const workspaceRoles: readonly WorkspaceRole[] = Object.values(WorkspaceRole);
export type TWorkspaceRole = WorkspaceRole;

// Higher rank can do everything a lower rank can.
const roleRank: Record<TWorkspaceRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRoleAtLeast(role: TWorkspaceRole, required: TWorkspaceRole): boolean {
  return roleRank[role] >= roleRank[required];
}
