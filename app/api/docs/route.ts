import { getOpenApiDocument } from "~/server/api/rest/openapi-document";
import { renderApiDocs } from "~/server/api/rest/render-api-docs";
import { guardRoute } from "~/server/http/route-guard";

// The REST API's reference, rendered once from its OpenAPI document: static HTML, no script.
let page: string | null = null;

export const GET = guardRoute(async () => {
  page ??= renderApiDocs(getOpenApiDocument() as Parameters<typeof renderApiDocs>[0]);
  return new Response(page, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "Cache-Control": "public, max-age=300",
    },
  });
});
