/**
 * A value as a JS/JSON literal that is safe inside any file: "<", ">", "&" and the JS line
 * separators are escaped, so user-derived text can never close a tag or a string.
 */
export function jsLiteral(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
