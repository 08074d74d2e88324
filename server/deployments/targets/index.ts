// The deploy-target registry: target → adapter, one file per adapter in this folder.
import type { TExternalDeployTarget } from "../../events/deploy-targets";
import { cloudflareTarget } from "./cloudflare-target";
import { s3Target } from "./s3-target";
import type { TargetAdapter } from "./target-adapter";
import { vercelTarget } from "./vercel-target";

type TargetRegistry = { [T in TExternalDeployTarget]: TargetAdapter<T> };

const adapters: TargetRegistry = {
  vercel: vercelTarget,
  cloudflare: cloudflareTarget,
  s3: s3Target,
};

export function getTargetAdapter<T extends TExternalDeployTarget>(target: T): TargetAdapter<T> {
  const adapter = adapters[target] as TargetAdapter<T> | null;
  if (!adapter) throw new Error(`The ${target} deploy target is not available in this build`);
  return adapter;
}
