// The API's reference docs (/api/docs) as one static HTML page rendered from the OpenAPI document:
// no viewer bundle, no CDN, no script — it works offline and under a strict CSP.
type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  additionalProperties?: boolean | Schema;
};
type Parameter = { in: string; name: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = {
  info: { title: string; version: string; description?: string };
  servers?: Array<{ url: string }>;
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** Backticks in descriptions become <code>; everything else is escaped text. */
const prose = (text = "") => escape(text).replace(/`([^`]+)`/g, "<code>$1</code>");

function typeOf(schema: Schema | undefined, depth = 0): string {
  if (!schema) return "any";
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return `<a href="#schema-${escape(name)}">${escape(name)}</a>`;
  }
  if (schema.const !== undefined) return escape(JSON.stringify(schema.const));
  if (schema.enum) return schema.enum.map((value) => escape(JSON.stringify(value))).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((branch) => typeOf(branch, depth)).join(" | ");
  if (schema.allOf) return schema.allOf.map((part) => typeOf(part, depth)).join(" &amp; ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const rendered = types.map((type) => {
    if (type === "array") return `${typeOf(schema.items, depth)}[]`;
    if (type === "object") return objectType(schema, depth);
    const format = typeof schema.format === "string" ? ` <span class="fmt">(${escape(schema.format)})</span>` : "";
    return `${escape(type)}${format}`;
  });
  return rendered.join(" | ") || (schema.properties ? objectType(schema, depth) : "any");
}

function objectType(schema: Schema, depth: number): string {
  if (!schema.properties) return typeof schema.additionalProperties === "object" ? `{ [key]: ${typeOf(schema.additionalProperties, depth)} }` : "object";
  if (depth > 6) return "object";
  const indent = "  ".repeat(depth + 1);
  const fields = Object.entries(schema.properties).map(([name, field]) => {
    const optional = schema.required?.includes(name) ? "" : "?";
    const note = field.description ? ` <span class="note">// ${prose(field.description)}</span>` : "";
    return `${indent}${escape(name)}${optional}: ${typeOf(field, depth + 1)}${note}`;
  });
  return `{\n${fields.join("\n")}\n${"  ".repeat(depth)}}`;
}

function renderOperation(method: string, path: string, operation: Operation, base: string): string {
  const parameters = (operation.parameters ?? []).map(
    (parameter) =>
      `<tr><td><code>${escape(parameter.name)}</code></td><td>${escape(parameter.in)}</td><td>${parameter.required ? "yes" : "no"}</td><td><code>${typeOf(parameter.schema)}</code> ${prose(parameter.description ?? (parameter.schema?.description as string | undefined) ?? "")}</td></tr>`,
  );
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  const responses = Object.entries(operation.responses ?? {}).map(([status, response]) => {
    const content = Object.entries(response.content ?? {})[0];
    const shape = content ? ` <code>${content[0] === "application/json" ? typeOf(content[1].schema) : escape(content[0])}</code>` : "";
    return `<li><b>${escape(status)}</b> ${prose(response.description)}${Number(status) < 400 ? shape : ""}</li>`;
  });
  const id = escape(operation.operationId ?? `${method}-${path}`);
  return `<section class="op" id="op-${id}">
<h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(base + path)}</code></h3>
<p>${prose(operation.summary)}</p>${operation.description ? `<p>${prose(operation.description)}</p>` : ""}
${parameters.length ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th></tr>${parameters.join("")}</table>` : ""}
${body ? `<h4>JSON body</h4><pre>${typeOf(body)}</pre>` : ""}
<h4>Responses</h4><ul>${responses.join("")}</ul>
</section>`;
}

export function renderApiDocs(document: Document): string {
  const base = document.servers?.[0]?.url ?? "";
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, operation, base)]);
      const id = escape(operation.operationId ?? `${method}-${path}`);
      toc.set(tag, [...(toc.get(tag) ?? []), `<li><a href="#op-${id}"><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> ${escape(path)}</a></li>`]);
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {}).map(
    ([name, schema]) => `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3><pre>${typeOf({ ...schema, $ref: undefined })}</pre></section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff;display:grid;grid-template-columns:290px 1fr}
nav{position:sticky;top:0;height:100vh;overflow:auto;padding:1rem;background:#f6f8fa;border-right:1px solid #d0d7de;font-size:13px}
nav ul{list-style:none;padding-left:0}nav a{color:inherit;text-decoration:none}
main{padding:1.5rem 2rem;max-width:980px}code,pre{font:13px ui-monospace,monospace}pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:6px}
.op{border-top:1px solid #d0d7de;padding-top:.5rem}.method{display:inline-block;min-width:3.5em;font-weight:700;font-size:12px}
.get{color:#0969da}.post{color:#1a7f37}.put,.patch{color:#9a6700}.delete{color:#cf222e}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
.note,.fmt{color:#57606a}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}nav,pre{background:#161b22}nav,td,th,.op{border-color:#30363d}.note,.fmt{color:#8d96a0}a{color:#4493f8}}
</style></head>
<body><nav><h2>${escape(document.info.title)}</h2><p><a href="${escape(base)}/openapi.json">openapi.json</a></p>
${[...toc].map(([tag, items]) => `<h4>${escape(tag)}</h4><ul>${items.join("")}</ul>`).join("")}<h4><a href="#schemas">Schemas</a></h4></nav>
<main><h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${prose(document.info.description)}</p>
<p>Base URL: <code>${escape(base)}</code>. Errors: <code>{"error": {"code", "message", "requestId", "issues"?: [{"path", "message"}]}}</code>.</p>
${[...byTag].map(([tag, operations]) => `<h2>${escape(tag)}</h2>${operations.join("")}`).join("")}
<h2 id="schemas">Schemas</h2>${schemas.join("")}
</main></body></html>`;
}
