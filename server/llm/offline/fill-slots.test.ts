import { describe, expect, it } from "vitest";
import { fillSlots } from "./fill-slots";

describe("fillSlots", () => {
  const template = 'import { a } from "./a.js";\n// @slot imports\n\nconst views = {\n  // @slot views\n};\n';

  it("replaces each slot line, indentation included, with its text", () => {
    expect(fillSlots(template, { imports: 'import { b } from "./b.js";', views: "  b: b," })).toBe(
      'import { a } from "./a.js";\nimport { b } from "./b.js";\n\nconst views = {\n  b: b,\n};\n',
    );
  });

  it("leaves an empty line for an empty slot", () => {
    expect(fillSlots(template, { imports: "", views: "" })).toBe('import { a } from "./a.js";\n\n\nconst views = {\n\n};\n');
  });

  it("inserts text literally, whatever it contains", () => {
    expect(fillSlots("// @slot x\n", { x: "$& $1 $$" })).toBe("$& $1 $$\n");
  });

  it("refuses a slot without a value and a value without a slot", () => {
    expect(() => fillSlots(template, { imports: "" })).toThrow('No value for slot "views"');
    expect(() => fillSlots(template, { imports: "", views: "", tools: "" })).toThrow('No slot named "tools"');
  });

  it("only treats whole comment lines as slots", () => {
    expect(fillSlots("const a = 1; // @slot x\n", {})).toBe("const a = 1; // @slot x\n");
  });
});
