// A provider's client that ignores the abort signal must not hold a deploy: the upload is raced
// against the timeout and the deploy's own cancellation, not only handed the signal.
import { describe, expect, it } from "vitest";
import { UploadTimeoutError, withUploadTimeout } from "./target-adapter";

const never = () => new Promise<string>(() => undefined);

describe("withUploadTimeout", () => {
  it("answers with the upload's result when it comes in time", async () => {
    const controller = new AbortController();
    await expect(withUploadTimeout({ signal: controller.signal, uploadTimeoutMs: 1_000 }, "index.html", async () => "uploaded")).resolves.toBe("uploaded");
  });

  it("gives up with an UploadTimeoutError naming the file when the client ignores the signal and never answers", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const error = await withUploadTimeout({ signal: controller.signal, uploadTimeoutMs: 50 }, "src/app.js", never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadTimeoutError);
    expect((error as Error).message).toContain("src/app.js");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops at once when the deploy is cancelled, even if the client ignores the signal, and says it was cancelled rather than timed out", async () => {
    const controller = new AbortController();
    const pending = withUploadTimeout({ signal: controller.signal, uploadTimeoutMs: 60_000 }, "index.html", never).catch((caught: unknown) => caught);
    controller.abort(new Error("cancelled by the user"));
    const error = await pending;
    expect(error).not.toBeInstanceOf(UploadTimeoutError);
    expect((error as Error).message).toBe("cancelled by the user");
  });

  it("passes a failure of the upload through unchanged", async () => {
    const controller = new AbortController();
    await expect(withUploadTimeout({ signal: controller.signal, uploadTimeoutMs: 1_000 }, "a.txt", async () => Promise.reject(new Error("HTTP 403")))).rejects.toThrow("HTTP 403");
  });
});
