// Zod-free on purpose: client components import the role list, and zod would add ~30 kB to them.
export const workspaceRoles = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
export type TWorkspaceRole = (typeof workspaceRoles)[number];

// Higher rank can do everything a lower rank can.
const roleRank: Record<TWorkspaceRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRoleAtLeast(role: TWorkspaceRole, required: TWorkspaceRole): boolean {
  return roleRank[role] >= roleRank[required];
}
