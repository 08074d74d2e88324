import { describe, expect, it } from "vitest";
import { ZPlanField } from "~/server/plan/plan-schema";
import { fieldNameFromLabel } from "./field-name";

describe("fieldNameFromLabel", () => {
  it("turns what people type into a field name the plan accepts", () => {
    expect(fieldNameFromLabel("Due date")).toBe("dueDate");
    expect(fieldNameFromLabel("  Notes ")).toBe("notes");
    expect(fieldNameFromLabel("E-mail address!")).toBe("eMailAddress");
    expect(fieldNameFromLabel("2nd phone")).toBe("field2ndPhone");
    for (const label of ["Due date", "2nd phone", "ümlaut ok", "x".repeat(80)]) {
      expect(ZPlanField.safeParse({ name: fieldNameFromLabel(label), label: "L", type: "string" }).success, label).toBe(true);
    }
  });
});
