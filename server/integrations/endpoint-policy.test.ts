import { describe, expect, it } from "vitest";
import { checkCustomEndpoint, isPrivateAddress } from "./endpoint-policy";

describe("custom endpoint policy", () => {
  it("knows private, loopback and metadata addresses", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.1.1", "::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress("140.82.112.5")).toBe(false);
  });

  it("refuses loopback and plain http when private endpoints are off", async () => {
    const policy = { allowPrivate: false };
    await expect(checkCustomEndpoint("https://127.0.0.1:8443/api", "GitHub API URL", policy)).rejects.toThrow(/private or loopback/);
    await expect(checkCustomEndpoint("https://[::ffff:127.0.0.1]/api", "GitHub API URL", policy)).rejects.toThrow(/private or loopback/);
    await expect(checkCustomEndpoint("https://localhost/api", "GitHub API URL", policy)).rejects.toThrow(/private or loopback/);
    await expect(checkCustomEndpoint("http://203.0.113.9/api", "GitHub API URL", policy)).rejects.toThrow(/https/);
    await expect(checkCustomEndpoint("https://user:pw@203.0.113.9/", "GitHub API URL", policy)).rejects.toThrow(/credentials/);
    await expect(checkCustomEndpoint("https://203.0.113.9/api", "GitHub API URL", policy)).resolves.toBeInstanceOf(URL);
  });

  it("allows loopback fakes when private endpoints are on", async () => {
    await expect(checkCustomEndpoint("http://127.0.0.1:4010", "GitHub API URL", { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});
