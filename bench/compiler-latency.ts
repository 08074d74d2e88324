// Offline PromptCompiler latency over the committed eval prompts, against a floor measured in the
// same run: validating and serialising the same plans (the least any compiler must do per prompt).
// Speed was once asserted in a unit test; on a shared 2-core machine that only measured the load.
import cases from "../eval/cases.json";
import { compileAppPlan } from "../server/llm/offline/compile-app-plan";
import { ZPlan, type TPlan } from "../server/plan/plan-schema";
import { ms, percentile } from "./stats";

type Cases = { prompts: { id: string; prompt: string }[] };

function timeEach<T>(items: T[], work: (item: T) => unknown): number[] {
  return items.map((item) => {
    const start = performance.now();
    work(item);
    return performance.now() - start;
  });
}

export function benchCompiler({ rounds = 5 }: { rounds?: number } = {}) {
  const prompts = (cases as Cases).prompts.map((c) => c.prompt);
  const plans: TPlan[] = [];
  for (const prompt of prompts) {
    const result = compileAppPlan(prompt); // also warms the NLP library's lexicon
    if (result.ok) plans.push(result.plan);
  }
  const compile: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < rounds; round++) {
    compile.push(...timeEach(prompts, (prompt) => compileAppPlan(prompt)));
    floor.push(...timeEach(plans, (plan) => JSON.stringify(ZPlan.parse(plan))));
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return { prompts: prompts.length, compiled: plans.length, compile: sorted(compile), floor: sorted(floor) };
}

export function formatCompiler(result: ReturnType<typeof benchCompiler>): string {
  const p50 = percentile(result.compile, 50);
  const floorP50 = percentile(result.floor, 50);
  return [
    `Offline compiler: ${result.prompts} eval prompts (${result.compiled} compiled to a plan), ${result.compile.length} compilations`,
    `  compile  p50 ${ms(p50)}, p95 ${ms(percentile(result.compile, 95))}, max ${ms(result.compile.at(-1) ?? Number.NaN)}`,
    `  floor (validate + serialise the plan)  p50 ${ms(floorP50)}, p95 ${ms(percentile(result.floor, 95))}`,
    `  compile / floor at p50: ${(p50 / floorP50).toFixed(1)}×`,
  ].join("\n");
}
