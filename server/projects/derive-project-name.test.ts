import { describe, expect, it } from "vitest";
import { deriveProjectName } from "./derive-project-name";

describe("deriveProjectName", () => {
  it("keeps the meaningful words of a prompt", () => {
    expect(deriveProjectName("Build me a todo app with due dates")).toBe("Todo Due Dates");
    expect(deriveProjectName("A CRM for contacts and deals")).toBe("CRM Contacts Deals");
  });

  it("never returns an empty or overlong name", () => {
    expect(deriveProjectName("!!! ???")).toBe("Untitled project");
    expect(deriveProjectName("a".repeat(500)).length).toBeLessThanOrEqual(60);
  });

  it("strips markup from hostile prompts", () => {
    expect(deriveProjectName("<script>alert(1)</script> kanban")).not.toMatch(/[<>]/);
  });
});
