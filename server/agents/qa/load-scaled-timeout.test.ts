import { describe, expect, it } from "vitest";
import { describeTimeout, scaleTimeout } from "./load-scaled-timeout";

describe("load-scaled timeouts", () => {
  it("keeps the base on a machine at or below one runnable process per core", () => {
    expect(scaleTimeout(5_000, { load: 0.3, cores: 2 })).toMatchObject({ timeoutMs: 5_000, factor: 1 });
    expect(scaleTimeout(5_000, { load: 2, cores: 2 })).toMatchObject({ timeoutMs: 5_000, factor: 1 });
  });

  it("grows with the load per core, up to four times the base", () => {
    expect(scaleTimeout(5_000, { load: 5.1, cores: 2 })).toMatchObject({ timeoutMs: 12_750, factor: 2.55 });
    expect(scaleTimeout(5_000, { load: 40, cores: 2 })).toMatchObject({ timeoutMs: 20_000, factor: 4 });
    expect(scaleTimeout(5_000, { load: Number.NaN, cores: 2 }).timeoutMs).toBe(5_000);
  });

  it("says where a scaled timeout came from", () => {
    expect(describeTimeout(scaleTimeout(5_000, { load: 5.1, cores: 2 }))).toBe("12.8 s (load-scaled from 5 s at load 5.1 on 2 cores)");
    expect(describeTimeout(scaleTimeout(5_000, { load: 0.5, cores: 1 }))).toBe("5 s");
  });
});
