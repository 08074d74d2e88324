import { describe, expect, it } from "vitest";
import { hasRoleAtLeast } from "./roles";

describe("workspace roles", () => {
  it("orders owner > admin > member > viewer", () => {
    expect(hasRoleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(hasRoleAtLeast("ADMIN", "MEMBER")).toBe(true);
    expect(hasRoleAtLeast("MEMBER", "MEMBER")).toBe(true);
    expect(hasRoleAtLeast("VIEWER", "MEMBER")).toBe(false);
    expect(hasRoleAtLeast("MEMBER", "ADMIN")).toBe(false);
  });
});
