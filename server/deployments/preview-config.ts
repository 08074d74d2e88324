import { env } from "../env";
import { resolvePreviewOrigins } from "./preview-origin";

/** The platform's and the previews' origins for this deployment of the platform. */
export function getPreviewOrigins() {
  return resolvePreviewOrigins({
    platformUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    previewOrigin: env.PREVIEW_ORIGIN,
  });
}
