// The eval's report: one row per prompt, one per chain step, then the totals the issue asks for.
import { formatTable } from "../bench/pipeline-latency";
import { percentile } from "../bench/stats";

export type PromptResult = {
  id: string;
  prompt: string;
  status: string;
  error: string | null;
  appName: string;
  /** Requirements the compiler traced to the prompt; planned + unsupported = found. */
  found: number;
  planned: number;
  unsupported: number;
  passed: number;
  /** Failed requirements with their messages. */
  failed: string[];
  unverified: number;
  unsupportedTexts: string[];
  msToPreview: number;
  /** Entities and pages of the plan no planned requirement asks for or needs (plan-trace.ts). */
  phantoms: string[];
  /** How many entities and pages the plan has. */
  parts: number;
};
export type ChainStepResult = PromptResult & { dataKept: boolean | null };
export type ChainResult = { id: string; steps: ChainStepResult[] };

/** Fully met: something was asked, every requirement planned, and every one passed in the browser. */
export const isFullyMet = (r: PromptResult) => r.found > 0 && r.unsupported === 0 && r.passed === r.planned && r.status === "SUCCEEDED";
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(0)}%` : "—");

export function formatEval(prompts: PromptResult[], chains: ChainResult[]): string {
  const rows = (items: PromptResult[]) =>
    items.map((r) => [r.id, r.status, String(r.found), String(r.planned), String(r.passed), String(r.failed.length), String(r.unverified), String(r.unsupported), isFullyMet(r) ? "yes" : "no", seconds(r.msToPreview)]);
  const header = ["prompt", "status", "found", "planned", "passed", "failed", "unverified", "unsupported", "fully met", "to preview"];
  const steps = chains.flatMap((c) => c.steps);
  const everyRun = [...prompts, ...steps];
  const planned = everyRun.reduce((sum, r) => sum + r.planned, 0);
  const passed = everyRun.reduce((sum, r) => sum + r.passed, 0);
  const kept = chains.filter((c) => c.steps.some((s) => s.dataKept !== null));
  const keptAll = kept.filter((c) => c.steps.every((s) => s.dataKept !== false));
  const times = everyRun.map((r) => r.msToPreview).sort((a, b) => a - b);
  const lines: string[] = [];
  if (prompts.length) lines.push(`Prompts (${prompts.length})`, formatTable([header, ...rows(prompts)]), "");
  if (chains.length) {
    lines.push(`Follow-up chains (${chains.length}; "data" = the record entered in the earlier version is still there)`);
    lines.push(formatTable([[...header, "data"], ...chains.flatMap((c) => rows(c.steps).map((row, i) => [...row, c.steps[i]!.dataKept === null ? "—" : c.steps[i]!.dataKept ? "kept" : "LOST"]))]), "");
  }
  const failures = everyRun.filter((r) => r.failed.length || r.unsupportedTexts.length || r.error || r.phantoms.length);
  if (failures.length) {
    lines.push("Not met:");
    for (const r of failures) {
      if (r.error) lines.push(`  ${r.id}: run ${r.status}: ${r.error.slice(0, 200)}`);
      for (const f of r.failed) lines.push(`  ${r.id}: failed ${f}`);
      for (const u of r.unsupportedTexts) lines.push(`  ${r.id}: unsupported ${u}`);
      for (const p of r.phantoms) lines.push(`  ${r.id}: phantom ${p} (no planned requirement asks for it or needs it)`);
    }
    lines.push("");
  }
  lines.push(
    `Totals: requirement pass rate ${pct(passed, planned)} (${passed}/${planned} planned); ` +
      `prompts fully met ${pct(prompts.filter(isFullyMet).length, prompts.length)} (${prompts.filter(isFullyMet).length}/${prompts.length}); ` +
      `chains that kept the user's data ${pct(keptAll.length, kept.length)} (${keptAll.length}/${kept.length} with data to keep); ` +
      `phantom entities or pages ${everyRun.reduce((sum, r) => sum + r.phantoms.length, 0)} (of ${everyRun.reduce((sum, r) => sum + r.parts, 0)}); ` +
      `median time to preview ${times.length ? seconds(percentile(times, 50)) : "—"}`,
  );
  return lines.join("\n");
}
