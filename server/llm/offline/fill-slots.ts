// Per-plan code in an otherwise constant runtime file. A slot is a line holding only
// `// @slot <name>` (any indentation): the whole line is replaced by the slot's text, so the
// runtime file stays valid, lintable JavaScript (an empty slot is just a comment).

const SLOT_LINE = /^[ \t]*\/\/ @slot ([a-z][a-z-]*)$/gm;

/** Fills every slot of `template`; a missing value or an unused one is a bug in the generator. */
export function fillSlots(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const filled = template.replace(SLOT_LINE, (_line, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for slot "${name}"`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`No slot named ${unused.map((n) => `"${n}"`).join(", ")}`);
  return filled;
}
