import { describe, expect, it } from "vitest";
import { describeBrowserEndpoint, remoteBrowserProtocol, remoteBrowserUnreachable } from "./remote-browser";

describe("the remote browser's endpoint (BROWSER_WS_ENDPOINT)", () => {
  it("is shown without its user, password or query string, where services keep their tokens", () => {
    expect(describeBrowserEndpoint("wss://user:s3cret@chrome.example.com/playwright?token=abc123&stealth")).toBe("wss://chrome.example.com/playwright");
    // A CDP browser id is as good as a password to whoever reaches the port.
    expect(describeBrowserEndpoint("ws://127.0.0.1:9222/devtools/browser/4f1c-99ab")).toBe("ws://127.0.0.1:9222/devtools/browser/…");
    expect(describeBrowserEndpoint("wss://production-sfo.browserless.io?token=abc123")).toBe("wss://production-sfo.browserless.io");
  });

  it("is spoken to over CDP unless its URL (or BROWSER_WS_PROTOCOL) says Playwright", () => {
    expect(remoteBrowserProtocol("ws://127.0.0.1:9222/devtools/browser/4f1c", "auto")).toBe("cdp");
    expect(remoteBrowserProtocol("wss://production-sfo.browserless.io?token=x", "auto")).toBe("cdp");
    expect(remoteBrowserProtocol("wss://production-sfo.browserless.io/chromium/playwright?token=x", "auto")).toBe("playwright");
    expect(remoteBrowserProtocol("ws://10.0.0.5:3000/0a7f2c", "playwright")).toBe("playwright");
    expect(remoteBrowserProtocol("wss://host/playwright", "cdp")).toBe("cdp");
  });

  it("that cannot be reached is a 'not-reachable' status naming it, with no credential anywhere", () => {
    const status = remoteBrowserUnreachable("wss://user:s3cret@chrome.example.com/cdp?token=abc123", "connect ECONNREFUSED 10.0.0.5:443");
    expect(status).toMatchObject({ isAvailable: false, problem: "not-reachable", summary: "The remote browser (BROWSER_WS_ENDPOINT) could not be reached" });
    expect(status.reason).toBe("The remote browser at wss://chrome.example.com/cdp (BROWSER_WS_ENDPOINT) could not be reached: connect ECONNREFUSED 10.0.0.5:443");
    // The fix is shown to anonymous callers (/api/ready): no address at all.
    expect(status.fixCommand).toContain("BROWSER_WS_ENDPOINT");
    expect(status.fixCommand).not.toContain("chrome.example.com");
    expect(JSON.stringify(status)).not.toMatch(/s3cret|abc123|user:/);
  });
});
