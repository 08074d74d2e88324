// Inputs of the integration procedures. Credentials are validated per provider in the domain
// (connections.ts, with the shared schemas in credentials.ts), whose errors name fields, never values.
import { z } from "zod";
import { providerNames } from "./credentials";

export const ZProviderName = z.enum(providerNames);

const ZCredentialFields = z.record(z.string().max(64), z.string().max(4096)).refine((value) => Object.keys(value).length <= 16, "Too many fields");

export const ZSaveConnectionInput = z.object({ provider: ZProviderName, credentials: ZCredentialFields });
export const ZRotateConnectionInput = z.object({ provider: ZProviderName, secrets: ZCredentialFields });
export const ZRemoveConnectionInput = z.object({ provider: ZProviderName });

export const ZRepositoryName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, "A repository name uses letters, digits, '.', '-' and '_' (at most 100)")
  .refine((name) => name !== "." && name !== "..", "Not a repository name");

export const ZLinkRepositoryInput = z.object({
  name: ZRepositoryName,
  isNew: z.boolean(),
  isPublic: z.boolean().optional(),
  isPullRequestMode: z.boolean().optional(),
});
export const ZPullRequestModeInput = z.object({ isPullRequestMode: z.boolean() });
