import net from "node:net";
import { describe, expect, it } from "vitest";
import { chooseE2EPort } from "./e2e-port";
import { freePortSync, isPortFreeSync } from "./free-port";

describe("chooseE2EPort", () => {
  it("takes 3100 when it is free, and moves to a free port (saying so) when another program has it", () => {
    expect(chooseE2EPort(undefined, () => true, () => 40_000)).toEqual({ port: 3100, note: null });
    const moved = chooseE2EPort(undefined, (port) => port !== 3100, () => 40_000);
    expect(moved).toEqual({ port: 40_000, note: "Port 3100 is in use by another program; the end-to-end server uses 40000 instead (set E2E_PORT to choose)." });
  });

  it("keeps an explicit E2E_PORT, and refuses one that is taken or not a port, naming the variable", () => {
    expect(chooseE2EPort("3205", () => true, () => 1)).toEqual({ port: 3205, note: null });
    expect(chooseE2EPort("3205", () => false, () => 1)).toEqual({ error: expect.stringContaining("E2E_PORT=3205 is in use by another program") });
    expect(chooseE2EPort("abc", () => true, () => 1)).toEqual({ error: "E2E_PORT=abc is not a port number." });
  });
});

describe("the synchronous port checks, for real", () => {
  it("see a port another program listens on, and hand out free ones", async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const { port } = other.address() as net.AddressInfo;
    try {
      expect(isPortFreeSync(port)).toBe(false);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    expect(isPortFreeSync(port)).toBe(true);
    const free = freePortSync();
    expect(free).toBeGreaterThan(0);
    expect(isPortFreeSync(free)).toBe(true);
  });
});
