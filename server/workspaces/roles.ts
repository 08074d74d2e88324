import type { TWorkspaceRole } from "./schemas";

// Higher rank can do everything a lower rank can.
const roleRank: Record<TWorkspaceRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRoleAtLeast(role: TWorkspaceRole, required: TWorkspaceRole): boolean {
  return roleRank[role] >= roleRank[required];
}
