"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Button } from "~/components/ui/button";
import { formatRelativeTime } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { AppRouter } from "~/server/api/root";

type Health = inferRouterOutputs<AppRouter>["operations"]["health"];

const REFRESH_MS = 15_000;

const tones = {
  ok: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-200",
  warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200",
  bad: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200",
  plain: "border-zinc-200 dark:border-zinc-800",
} as const;

function Tile({ label, value, detail, tone = "plain", testId }: { label: string; value: string; detail?: string; tone?: keyof typeof tones; testId?: string }) {
  return (
    <div className={`rounded-xl border p-4 ${tones[tone]}`} data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide opacity-75">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {detail && <p className="mt-1 text-xs opacity-80">{detail}</p>}
    </div>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds < 1) return "0 s";
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function StatusCounts({ title, counts, order }: { title: string; counts: Record<string, number>; order: readonly string[] }) {
  return (
    <section className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 className="text-sm font-semibold">{title}</h2>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {order.map((status) => (
          <div key={status} className="flex justify-between gap-2">
            <dt className="text-zinc-600 dark:text-zinc-400">{status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ")}</dt>
            <dd className="font-medium tabular-nums">{counts[status] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Checks({ readiness }: { readiness: Health["readiness"] }) {
  const { database, migrations, browser, qaSandbox } = readiness.checks;
  const rows: Array<{ name: string; tone: keyof typeof tones; text: string }> = [
    { name: "Database", tone: database.status === "ok" ? "ok" : "bad", text: database.status === "ok" ? `reachable (${database.kind})` : database.message },
    {
      name: "Migrations",
      tone: migrations.status === "ok" ? "ok" : "bad",
      text: migrations.status === "ok" ? `${migrations.applied} applied, none pending` : migrations.status === "pending" ? `pending: ${migrations.pending.join(", ")}` : migrations.message,
    },
    {
      name: "Browser",
      tone: browser.status === "ok" ? ("isRemote" in browser || browser.isChromiumSandboxed ? "ok" : "warn") : "warn",
      text:
        browser.status !== "ok"
          ? `${browser.message} Fix: ${browser.fix}`
          : "isRemote" in browser
            ? "connects to the remote browser (BROWSER_WS_ENDPOINT)"
            : browser.isChromiumSandboxed
              ? "launches"
              : `launches without Chromium's sandbox: ${browser.chromiumSandboxProblem ?? ""}`,
    },
    { name: "QA sandbox", tone: qaSandbox.status === "ok" ? "ok" : "warn", text: qaSandbox.message },
  ];
  return (
    <section className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 className="text-sm font-semibold">
        Readiness: <span data-testid="readiness-status">{readiness.status}</span>
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {rows.map((row) => (
          <li key={row.name} className={`rounded-lg border px-3 py-2 ${tones[row.tone]}`}>
            <span className="font-medium">{row.name}</span>: {row.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The installation's health, refreshed every 15 seconds. */
export function OperationsHealthView() {
  const trpc = useTRPC();
  const query = useQuery(trpc.operations.health.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  if (query.error) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">Could not read the health: {describeError(query.error)}</p>;
  const health = query.data;
  if (!health) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>;
  const { executor } = health;
  const failures = health.failingAgentsLastHour.reduce((sum, agent) => sum + agent.failures, 0);
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        <span>Read {formatRelativeTime(new Date(health.readAt))}</span>
        <Button variant="secondary" isLoading={query.isRefetching} onClick={() => void query.refetch()}>
          Refresh
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Tile label="Executor queue" value={String(executor.queueDepth)} detail="runs that could be driven now" tone={executor.queueDepth > 20 ? "warn" : "plain"} testId="executor-queue" />
        <Tile
          label="Executor lag"
          value={formatSeconds(executor.oldestRunnableAgeSeconds)}
          detail="oldest runnable run's wait"
          tone={executor.oldestRunnableAgeSeconds > 60 ? "bad" : executor.oldestRunnableAgeSeconds > 10 ? "warn" : "ok"}
          testId="executor-lag"
        />
        <Tile label="Agent failures" value={String(failures)} detail="in the last hour" tone={failures > 0 ? "warn" : "ok"} testId="agent-failures" />
        <Tile label="SSE streams" value={String(health.sseConnections)} detail="open on this instance" testId="sse-connections" />
      </div>
      <Checks readiness={health.readiness} />
      <StatusCounts title="Runs by state" counts={health.runsByStatus} order={["QUEUED", "RUNNING", "WAITING", "SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"]} />
      <StatusCounts title="Executor runs by state" counts={executor.runsByStatus} order={["QUEUED", "RUNNING", "WAITING", "COMPLETED", "FAILED", "CANCELLED"]} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {executor.retryingSteps} executor steps waiting for a retry, {executor.unprocessedEvents} events not yet processed.
      </p>
      <section className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">Failing agents in the last hour</h2>
        {health.failingAgentsLastHour.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">None.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="py-1 pr-4 font-medium">Agent</th>
                <th className="py-1 pr-4 font-medium">Failures</th>
                <th className="py-1 font-medium">Last error</th>
              </tr>
            </thead>
            <tbody>
              {health.failingAgentsLastHour.map((agent) => (
                <tr key={agent.agent} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-4 font-medium">{agent.agent}</td>
                  <td className="py-1 pr-4 tabular-nums">{agent.failures}</td>
                  <td className="py-1 text-zinc-700 dark:text-zinc-300">{agent.lastError ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
