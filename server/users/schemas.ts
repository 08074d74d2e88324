import { z } from "zod";
import { ZDisplayName, ZEmail, ZId, ZPassword } from "../validation/common";

export const ZSignUpInput = z.object({
  email: ZEmail,
  password: ZPassword,
  name: ZDisplayName.optional(),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({ email: ZEmail, password: z.string().min(1).max(128) });

export const ZUpdateProfileInput = z.object({ name: ZDisplayName });

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(60, "Token name must be at most 60 characters"),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export const ZRevokeApiTokenInput = z.object({ tokenId: ZId });
