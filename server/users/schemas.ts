import { z } from "zod";
import { ApiTokenScope } from "../db/generated/enums";
import { ZDateTime, ZDisplayName, ZEmail, ZId, ZPassword } from "../validation/common";

export const ZSignUpInput = z.object({
  email: ZEmail,
  password: ZPassword,
  name: ZDisplayName.optional(),
  /** The one-time setup token printed in the server log; needed for the first admin when SETUP_TOKEN is set. */
  setupToken: z.string().max(200).optional(),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({ email: ZEmail, password: z.string().min(1).max(128) });

export const ZUpdateProfileInput = z.object({ name: ZDisplayName });

export const ZApiTokenScope = z.enum(ApiTokenScope);

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(60, "Token name must be at most 60 characters"),
  workspaceId: ZId,
  scope: ZApiTokenScope,
  /** Days until it stops working; 90 when not given. Tokens always expire. */
  expiresInDays: z.number().int().min(1, "A token lasts at least 1 day").max(365, "A token lasts at most 365 days").optional(),
});
export const ZRevokeApiTokenInput = z.object({ tokenId: ZId });

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
export const ZApiTokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: ZApiTokenScope,
    prefix: z.string(),
    lastUsedAt: ZDateTime.nullable(),
    expiresAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
    workspace: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: "ApiToken" });

/** The one answer that carries the token's secret: it is not stored and cannot be shown again. */
export const ZCreatedApiToken = ZApiTokenView.extend({ secret: z.string() }).meta({ id: "CreatedApiToken" });
