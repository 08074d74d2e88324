import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LONGEST_STEP_MS, scratchOwnerPid, scratchRoot, sweepScratch, withStepScratch } from "./scratch-space";

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), "epic-scratch-test-"));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function age(target: string, ms: number) {
  const at = new Date(Date.now() - ms);
  await utimes(target, at, at);
}

describe("withStepScratch", () => {
  it("gives the step a folder under the run's and removes both when the step ends, even by throwing", async () => {
    let seen = "";
    let mode = 0;
    await expect(
      withStepScratch(
        "run/1",
        "qa-1",
        async (dir) => {
          seen = dir;
          mode = (await stat(dir)).mode & 0o777;
          await writeFile(path.join(dir, "file.txt"), "x");
          throw new Error("step failed");
        },
        base,
      ),
    ).rejects.toThrow("step failed");
    expect(path.dirname(seen)).toBe(path.join(scratchRoot(base), "run_1"));
    expect(path.basename(seen)).toMatch(new RegExp(`^qa-1-p${process.pid}-`));
    expect(scratchOwnerPid(path.basename(seen))).toBe(process.pid);
    // Passable, not listable, by the sandbox's uid (it gets a subfolder of its own).
    expect(mode).toBe(0o711);
    expect(existsSync(seen)).toBe(false);
    expect(await readdir(scratchRoot(base))).toEqual([]);
  });

  it("leaves the run's folder while another of its steps still uses it", async () => {
    await withStepScratch("r1", "codegen", async (outer) => {
      await withStepScratch("r1", "qa-1", async () => undefined, base);
      expect(existsSync(outer)).toBe(true);
    }, base);
    expect(await readdir(scratchRoot(base))).toEqual([]);
  });
});

describe("sweepScratch", () => {
  it("removes step folders and QA leftovers older than the longest step, keeps younger ones", async () => {
    const root = scratchRoot(base);
    const dead = path.join(root, "run-dead", "qa-1-abc");
    const live = path.join(root, "run-live", "qa-2-def");
    for (const dir of [dead, live]) {
      await mkdir(path.join(dir, "app"), { recursive: true });
      await writeFile(path.join(dir, "app", "index.html"), "<p>hello</p>");
    }
    await age(dead, LONGEST_STEP_MS + 60_000);
    const legacy = path.join(base, "epic-qa-old");
    const profile = path.join(base, "playwright_chromiumdev_profile-old");
    const young = path.join(base, "epic-qa-young");
    const unrelated = path.join(base, "someone-elses-folder");
    for (const dir of [legacy, profile, young, unrelated]) await mkdir(dir);
    for (const dir of [legacy, profile, unrelated]) await age(dir, LONGEST_STEP_MS + 60_000);

    const swept = await sweepScratch({ base });

    expect(swept.removed.sort()).toEqual([dead, legacy, profile].sort());
    expect(swept.bytes).toBeGreaterThan(0);
    expect(existsSync(path.join(root, "run-dead"))).toBe(false);
    for (const kept of [live, young, unrelated]) expect(existsSync(kept)).toBe(true);
  });

  it("removes at once the folders of a process that is gone (killed mid-step), keeps a live one's and its own", async () => {
    const root = scratchRoot(base);
    const killed = path.join(root, "run-a", "qa-1-p4001-abc");
    const otherInstance = path.join(root, "run-b", "qa-1-p4002-def");
    const own = path.join(root, "run-c", `deploy-p${process.pid}-ghi`);
    for (const dir of [killed, otherInstance, own]) {
      await mkdir(path.join(dir, "app"), { recursive: true });
      await writeFile(path.join(dir, "app", "index.html"), "<p>hello</p>");
    }

    // Chromium's own folder, made beside the scratch space when a step's is too deep for its socket.
    const killedChromium = path.join(base, "epic-chromium-p4001-xyz");
    const liveChromium = path.join(base, "epic-chromium-p4002-uvw");
    for (const dir of [killedChromium, liveChromium]) await mkdir(dir);
    // Playwright's profile folders, in the server's own temporary folder: a killed Chromium's lock names its pid.
    const killedProfile = path.join(base, "playwright_chromiumdev_profile-dead");
    const liveProfile = path.join(base, "playwright_chromiumdev_profile-live");
    const otherHostProfile = path.join(base, "playwright_chromiumdev_profile-other");
    for (const [dir, lock] of [[killedProfile, `${hostname()}-4001`], [liveProfile, `${hostname()}-4002`], [otherHostProfile, "elsewhere-4001"]] as const) {
      await mkdir(dir);
      await symlink(lock, path.join(dir, "SingletonLock"));
    }

    const swept = await sweepScratch({ base, isAlive: (pid) => pid !== 4001 });

    expect(swept.removed.sort()).toEqual([killed, killedChromium, killedProfile].sort());
    for (const kept of [liveChromium, liveProfile, otherHostProfile]) expect(existsSync(kept)).toBe(true);
    expect(existsSync(path.join(root, "run-a"))).toBe(false);
    for (const kept of [otherInstance, own]) expect(existsSync(kept)).toBe(true);
  });

  it("does nothing when there is no scratch folder yet", async () => {
    expect(await sweepScratch({ base })).toEqual({ removed: [], bytes: 0 });
  });
});
