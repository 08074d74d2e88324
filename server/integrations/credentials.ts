import { z } from "zod";
export const providerNames = ["GITHUB", "VERCEL", "CLOUDFLARE", "AWS"] as const;
export type ProviderName = (typeof providerNames)[number];
export const providerCredentialSchemas = {
  GITHUB: z.object({ token: z.string().min(1), owner: z.string().min(1), baseUrl: z.string().url().optional() }).strict(),
  VERCEL: z.object({ token: z.string().min(1), teamId: z.string().optional(), baseUrl: z.string().url().optional() }).strict(),
  CLOUDFLARE: z.object({ apiToken: z.string().min(1), accountId: z.string().min(1), baseUrl: z.string().url().optional() }).strict(),
  AWS: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), region: z.string().min(1), bucket: z.string().min(1), cloudFrontDistributionId: z.string().optional(), endpoint: z.string().url().optional() }).strict(),
} as const;
export type ProviderCredentials = { [P in ProviderName]: z.infer<(typeof providerCredentialSchemas)[P]> };
/** A provider adapter: integrations-b adds vercel/cloudflare/aws adapters in server/integrations/providers/. */
export type VerifiedAccount = { accountLabel: string; scopes?: string[] };
export type ProviderAdapter<P extends ProviderName> = { provider: P; verify(credentials: ProviderCredentials[P], signal?: AbortSignal): Promise<VerifiedAccount> };
