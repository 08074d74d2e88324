import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getMetrics } from "./metrics";

const folder = path.join(process.cwd(), "deploy/observability");

describe("deploy/observability", () => {
  it("the Grafana dashboard asks only for series /api/metrics exposes", async () => {
    const dashboard = readFileSync(path.join(folder, "grafana-dashboard.json"), "utf8");
    const exposed = new Set((await getMetrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    const asked = new Set([...dashboard.matchAll(/\bepic_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, "")));
    expect(asked.size).toBeGreaterThan(10);
    for (const name of asked) expect(exposed, name).toContain(name);
  });

  it("Prometheus scrapes /api/metrics with the bearer token", () => {
    const config = readFileSync(path.join(folder, "prometheus.yml"), "utf8");
    expect(config).toContain("metrics_path: /api/metrics");
    expect(config).toMatch(/authorization:\s+type: Bearer/);
  });
});
