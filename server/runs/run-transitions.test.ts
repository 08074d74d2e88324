import { describe, expect, it } from "vitest";
import { activeRunStatuses, finishedRunStatuses } from "../events/run-statuses";
import { canRunMove, runStatusesMovingTo } from "./run-transitions";

describe("run transitions", () => {
  it("lets no finished run move, not even to its own status", () => {
    for (const from of finishedRunStatuses) {
      for (const to of [...activeRunStatuses, ...finishedRunStatuses]) expect(canRunMove(from, to), `${from} → ${to}`).toBe(false);
    }
  });

  it("moves only active runs, and never back to QUEUED", () => {
    expect(runStatusesMovingTo("QUEUED")).toEqual([]);
    for (const to of ["RUNNING", "WAITING", ...finishedRunStatuses] as const) expect(runStatusesMovingTo(to)).toEqual([...activeRunStatuses]);
  });
});
