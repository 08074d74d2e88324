import { describe, expect, it } from "vitest";
import { createBrowserSlots, defaultBrowserConcurrency } from "./browser-slots";

/** A promise and the function that settles it, to hold a session in its slot until the test says. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("browser slots", () => {
  it("runs up to the limit at once and hands freed slots to the waiting sessions in arrival order", async () => {
    const slots = createBrowserSlots(2);
    const order: string[] = [];
    const gates = new Map(["a", "b", "c", "d", "e"].map((name) => [name, gate()]));
    const session = (name: string) =>
      slots.withSlot(async () => {
        order.push(name);
        await gates.get(name)!.opened;
      });
    const all = ["a", "b", "c", "d", "e"].map(session);
    await tick();
    expect(order).toEqual(["a", "b"]);
    expect([slots.active(), slots.waiting()]).toEqual([2, 3]);
    gates.get("b")!.open();
    await tick();
    expect(order).toEqual(["a", "b", "c"]);
    gates.get("a")!.open();
    await tick();
    expect(order).toEqual(["a", "b", "c", "d"]);
    for (const { open } of gates.values()) open();
    await Promise.all(all);
    expect(order).toEqual(["a", "b", "c", "d", "e"]);
    expect([slots.active(), slots.waiting()]).toEqual([0, 0]);
  });

  it("releases the slot when the session throws, so the next one runs", async () => {
    const slots = createBrowserSlots(1);
    const failing = slots.withSlot(async () => {
      throw new Error("Chromium crashed");
    });
    const next = slots.withSlot(async () => "ran");
    await expect(failing).rejects.toThrow("Chromium crashed");
    await expect(next).resolves.toBe("ran");
    expect(slots.active()).toBe(0);
  });

  it("says how long a session waited and how many were ahead; a free slot is no wait", async () => {
    const slots = createBrowserSlots(1);
    const first = await slots.acquire();
    expect(first).toMatchObject({ waitedMs: 0, queuedBehind: 0 });
    const queued: number[] = [];
    const second = slots.withSlot(async (slot) => slot, (position) => queued.push(position));
    await new Promise((resolve) => setTimeout(resolve, 30));
    first.release();
    first.release(); // twice: no second slot appears
    const slot = await second;
    expect(queued).toEqual([1]);
    expect(slot.queuedBehind).toBe(1);
    expect(slot.waitedMs).toBeGreaterThanOrEqual(25);
    expect(slots.active()).toBe(0);
  });

  it("refuses a limit below 1, and defaults to one session per core, at least two", () => {
    expect(() => createBrowserSlots(0)).toThrow(/at least 1/);
    expect(defaultBrowserConcurrency(1)).toBe(2);
    expect(defaultBrowserConcurrency(2)).toBe(2);
    expect(defaultBrowserConcurrency(8)).toBe(8);
  });
});
