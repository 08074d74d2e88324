// Deploy time per target against its loopback fake, through the real SDKs: `npm run bench --
// deploy-targets`, or `npx tsx bench/deploy-targets.ts [runs]`. Each run deploys a fresh 12-file version (new content, so every
// upload happens) with the target's adapter; the median and max of `runs` (10) are printed. The
// fakes answer at once (Vercel is READY at its first poll), so this is our flow and the SDKs'
// cost, not the providers' build and propagation time.
import { cloudflareTarget } from "../server/deployments/targets/cloudflare-target";
import { s3Target } from "../server/deployments/targets/s3-target";
import { toDeployFile, type TargetDeployInput } from "../server/deployments/targets/target-adapter";
import { vercelTarget } from "../server/deployments/targets/vercel-target";
import { startFakeCloudflare } from "../server/integrations/testing/fake-cloudflare";
import { startFakeS3 } from "../server/integrations/testing/fake-s3";
import { startFakeVercel } from "../server/integrations/testing/fake-vercel";
import { ms, summarize } from "./stats";

function version(run: number): TargetDeployInput["files"] {
  const files: Array<[string, string]> = [["index.html", `<!doctype html><h1>Run ${run}</h1>`], ["about/index.html", `<h1>About ${run}</h1>`]];
  for (let index = 0; index < 10; index++) files.push([`assets/chunk-${index}.a1b2c3d${index}.js`, `export const run${index} = ${run}; // ${"x".repeat(2_000)}`]);
  return files.map(([path, content]) => toDeployFile(path, Buffer.from(content)));
}

async function measure(name: string, runs: number, deploy: (input: TargetDeployInput) => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const input: TargetDeployInput = { siteName: "bench-site-0001", versionNumber: run + 1, files: version(run), deploymentId: `bench-${run}`, log: () => {}, signal: AbortSignal.timeout(60_000) };
    const started = performance.now();
    await deploy(input);
    samples.push(performance.now() - started);
  }
  const summary = summarize(samples);
  return `${name.padEnd(12)} median ${ms(summary.p50).padStart(10)}   max ${ms(summary.max).padStart(10)}   (${summary.count} deploys of 12 files)`;
}

/** One line per target: the median and max deploy time of `runs` deploys against its fake. */
export async function benchDeployTargets(runs = 10): Promise<string[]> {
  const [s3, vercel, cloudflare] = await Promise.all([startFakeS3(), startFakeVercel(), startFakeCloudflare()]);
  try {
    s3.accessKeys.set("AKIABENCH", {});
    s3.createBucket("bench");
    vercel.tokens.set("bench-token", { username: "bench" });
    vercel.buildPolls = 0;
    cloudflare.accounts.set("acc", "Bench");
    cloudflare.tokens.set("bench-token", { accountId: "acc" });
    return [
      await measure("s3", runs, (input) => s3Target.deploy({ accessKeyId: "AKIABENCH", secretAccessKey: "bench-secret", region: "us-east-1", bucket: "bench", endpoint: s3.url }, input)),
      await measure("vercel", runs, (input) => vercelTarget.deploy({ token: "bench-token", baseUrl: vercel.url }, input)),
      await measure("cloudflare", runs, (input) => cloudflareTarget.deploy({ apiToken: "bench-token", accountId: "acc", baseUrl: cloudflare.url }, input)),
    ];
  } finally {
    await Promise.all([s3.stop(), vercel.stop(), cloudflare.stop()]);
  }
}

if (process.argv[1]?.endsWith("deploy-targets.ts")) {
  for (const line of await benchDeployTargets(Number(process.argv[2] ?? 10))) console.log(line);
}
