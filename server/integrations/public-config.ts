// What of a provider's credentials may be shown: everything but its secrets, and a masked hint of
// each secret ("ghp_…abcd") so a person can tell which token a connection holds.
import { maskSecret } from "../secrets/cipher";
import type { ProviderCredentials, ProviderName } from "./credentials";

/** The credential fields that are secrets, per provider; the rest is public configuration. */
export const secretFields = {
  GITHUB: ["token"],
  VERCEL: ["token"],
  CLOUDFLARE: ["apiToken"],
  AWS: ["accessKeyId", "secretAccessKey"],
} as const satisfies { [P in ProviderName]: ReadonlyArray<keyof ProviderCredentials[P]> };

export type PublicConfig = Record<string, string>;

export function publicConfigOf<P extends ProviderName>(provider: P, credentials: ProviderCredentials[P]): PublicConfig {
  const secrets = new Set<string>(secretFields[provider]);
  const config: PublicConfig = {};
  for (const [field, value] of Object.entries(credentials)) {
    if (typeof value !== "string") continue;
    config[field] = secrets.has(field) ? maskSecret(value) : value;
  }
  return config;
}
