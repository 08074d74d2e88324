import { describe, expect, it } from "vitest";
import { deriveProjectName, keywordProjectName } from "./derive-project-name";

describe("deriveProjectName", () => {
  it("names the project after the prompt's subject, as the app will be called", () => {
    expect(deriveProjectName("landing page for Rosie's Bakery with our menu and opening hours")).toBe("Rosie's Bakery");
    expect(deriveProjectName("shared grocery list that syncs between me and my partner's phones instantly")).toBe("Shared Grocery List");
    expect(deriveProjectName("team roster for my under-12 football team")).toBe("Under-12 Football Team Roster");
    expect(deriveProjectName("so basically i run a little dog grooming business from home and i need to keep track of the dogs")).toBe("Dog Grooming Business");
  });

  it("falls back to the prompt's meaningful words where no subject is found", () => {
    expect(deriveProjectName("Make something cool")).toBe("Something Cool");
    expect(keywordProjectName("Build me a todo app with due dates")).toBe("Todo Due Dates");
    expect(keywordProjectName("A CRM for contacts and deals")).toBe("CRM Contacts Deals");
  });

  it("never returns an empty or overlong name", () => {
    expect(deriveProjectName("!!! ???")).toBe("Untitled project");
    expect(deriveProjectName("a".repeat(500)).length).toBeLessThanOrEqual(60);
  });

  it("strips markup from hostile prompts", () => {
    expect(deriveProjectName("<script>alert(1)</script> kanban")).not.toMatch(/[<>]/);
    expect(keywordProjectName("<script>alert(1)</script> kanban")).not.toMatch(/[<>]/);
  });
});
