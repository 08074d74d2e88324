import { z } from "zod";
import { ZDisplayName, ZId } from "../validation/common";

export const workspaceRoles = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
export const ZWorkspaceRole = z.enum(workspaceRoles);
export type TWorkspaceRole = z.infer<typeof ZWorkspaceRole>;

export const ZWorkspaceIdInput = z.object({ workspaceId: ZId });
export const ZCreateWorkspaceInput = z.object({ name: ZDisplayName });
export const ZRenameWorkspaceInput = z.object({ workspaceId: ZId, name: ZDisplayName });
