// The provider registry: provider name → adapter. Each adapter lives in its own file in this folder
// (github here; vercel, cloudflare and aws are added by the deploy-targets work). A provider
// without an adapter is refused with a clear message instead of failing somewhere deeper.
import { AppError } from "../../errors";
import type { ProviderAdapter, ProviderName } from "../credentials";

type AdapterRegistry = { [P in ProviderName]?: ProviderAdapter<P> };

const adapters: AdapterRegistry = {};

/** Adds (or replaces) the adapter for its provider. Called once per adapter module below. */
export function registerProviderAdapter<P extends ProviderName>(adapter: ProviderAdapter<P>): void {
  (adapters as Record<ProviderName, ProviderAdapter<ProviderName> | undefined>)[adapter.provider] = adapter as unknown as ProviderAdapter<ProviderName>;
}

/** The adapter for a provider, or a BAD_REQUEST naming the provider when this build has none. */
export function getProviderAdapter<P extends ProviderName>(provider: P): ProviderAdapter<P> {
  const adapter = adapters[provider] as ProviderAdapter<P> | undefined;
  if (!adapter) throw new AppError("BAD_REQUEST", `The ${provider} integration is not available in this build`);
  return adapter;
}

export function isProviderAvailable(provider: ProviderName): boolean {
  return adapters[provider] !== undefined;
}
