import { env } from "../env";
import { resolvePreviewOrigins } from "./preview-origin";

/**
 * The platform's and the previews' origins for this deployment of the platform: from configuration
 * only, so every instance stores the same addresses. The localhost fallback is the embedded
 * default's; with a shared database NEXTAUTH_URL is required (server/instances/shared-database.ts).
 */
export function getPreviewOrigins() {
  return resolvePreviewOrigins({
    platformUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    previewOrigin: env.PREVIEW_ORIGIN,
  });
}
