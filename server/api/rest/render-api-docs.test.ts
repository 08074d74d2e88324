import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "./openapi-document";
import { renderApiDocs } from "./render-api-docs";

describe("the API reference page", () => {
  it("lists every documented operation and schema, with no script and nothing fetched from elsewhere", () => {
    const document = getOpenApiDocument();
    const html = renderApiDocs(document as Parameters<typeof renderApiDocs>[0]);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of Object.keys(item as object)) expect(html, `${method} ${path}`).toContain(`<code>/api/v1${path}</code>`);
    }
    for (const name of Object.keys(document.components?.schemas ?? {})) expect(html).toContain(`id="schema-${name}"`);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!localhost)/i);
  });
});
