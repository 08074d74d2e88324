// The provider registry: provider name → adapter, one file per adapter in this folder. A provider
// whose adapter is not in this build is refused with a clear message instead of failing deeper.
import { AppError } from "../../errors";
import type { ProviderAdapter, ProviderName } from "../credentials";
import { awsAdapter } from "./aws";
import { cloudflareAdapter } from "./cloudflare";
import { githubAdapter } from "./github";
import { vercelAdapter } from "./vercel";

type AdapterRegistry = { [P in ProviderName]?: ProviderAdapter<P> };

const adapters: AdapterRegistry = {
  GITHUB: githubAdapter,
  AWS: awsAdapter,
  VERCEL: vercelAdapter,
  CLOUDFLARE: cloudflareAdapter,
};

/** The adapter for a provider, or a BAD_REQUEST naming the provider when this build has none. */
export function getProviderAdapter<P extends ProviderName>(provider: P): ProviderAdapter<P> {
  const adapter = adapters[provider] as ProviderAdapter<P> | undefined;
  if (!adapter) throw new AppError("BAD_REQUEST", `The ${provider} integration is not available in this build`);
  return adapter;
}

export function isProviderAvailable(provider: ProviderName): boolean {
  return adapters[provider] !== undefined;
}
