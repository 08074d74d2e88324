// `npm run bench`: performance figures, printed as a table. Not a test: nothing here fails on speed.
import { benchSseFanout } from "../bench/sse-fanout";
import { ms } from "../bench/stats";

const only = process.argv.slice(2);
const wants = (name: string) => only.length === 0 || only.includes(name);

if (wants("sse")) {
  for (const kind of ["pglite", "postgres"] as const) {
    const result = await benchSseFanout({ kind, subscribers: 1000, events: 20 });
    console.log(
      `SSE fan-out (${kind}): ${result.subscribers} subscribers × ${result.events} events — delivered ${result.delivered}/${result.expected}, latency p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}`,
    );
  }
}
process.exit(0);
