"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { formatDuration } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { AppRouter } from "~/server/api/root";
import { JsonBlock } from "./json-block";
import { executorRunDuration } from "./executor-run-duration";
import { ExecutorStatusBadge } from "./executor-status-badge";

type ExecutorRunView = inferRouterOutputs<AppRouter>["executor"]["getRun"];
type ExecutorStepView = ExecutorRunView["steps"][number];

/** One run: header with Cancel/Replay, then every step, each expandable to its input and output. */
export function ExecutorRunDetail({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.executor.getRun.queryOptions({ runId }),
    // Active runs move on their own: poll until they finish.
    refetchInterval: (current) => (current.state.data?.isActive ? 3_000 : false),
  });

  if (query.isLoading) {
    return (
      <div className="space-y-3" aria-label="Loading run" aria-busy>
        <div className="h-16 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" />
        {[0, 1, 2].map((index) => (
          <div key={index} className="h-12 animate-pulse rounded-lg bg-zinc-200/60 dark:bg-zinc-800/60" />
        ))}
      </div>
    );
  }
  if (query.error || !query.data) {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 p-4 text-sm dark:border-red-900">
        <p>Could not load this run: {describeError(query.error)}</p>
        <Button variant="secondary" onClick={() => void query.refetch()}>Try again</Button>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <ExecutorRunHeader run={query.data} />
      <section aria-labelledby="steps-heading" className="space-y-2">
        <h2 id="steps-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Steps ({query.data.steps.length})</h2>
        {query.data.steps.length === 0 ? (
          <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No steps yet.
          </p>
        ) : (
          <ol className="space-y-2" data-testid="run-steps">
            {query.data.steps.map((step) => (
              <li key={step.id}><ExecutorStepItem step={step} /></li>
            ))}
          </ol>
        )}
      </section>
      <details className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <summary className="cursor-pointer text-sm font-medium">Trigger event, output and error</summary>
        <div className="mt-3 space-y-3">
          <JsonBlock label="Event" value={query.data.event} />
          <JsonBlock label="Output" value={query.data.output} />
          <JsonBlock label="Error" value={query.data.errorDetail} />
        </div>
      </details>
    </div>
  );
}

function ExecutorRunHeader({ run }: { run: ExecutorRunView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const onError = (caught: unknown) => setError(describeError(caught));
  const cancel = useMutation(
    trpc.executor.cancel.mutationOptions({
      onError,
      onSuccess: () => {
        setError(null);
        void queryClient.invalidateQueries({ queryKey: trpc.executor.pathKey() });
      },
    }),
  );
  const replay = useMutation(
    trpc.executor.replay.mutationOptions({
      onError,
      onSuccess: ({ runId }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.executor.listRuns.pathKey() });
        router.push(`/admin/executor/${runId}`);
      },
    }),
  );

  function onCancel() {
    if (!window.confirm(`Cancel this run of ${run.functionId}? Steps in progress are dropped and it never resumes.`)) return;
    cancel.mutate({ runId: run.id });
  }

  return (
    <header className="space-y-3 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight" data-testid="run-function">{run.functionId}</h1>
        <ExecutorStatusBadge status={run.status} />
        <div className="ml-auto flex gap-2">
          {run.isActive && (
            <Button variant="danger" isLoading={cancel.isPending} onClick={onCancel}>Cancel run</Button>
          )}
          <Button variant="secondary" isLoading={replay.isPending} onClick={() => replay.mutate({ runId: run.id })}>Replay</Button>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <Fact label="Run id"><span className="font-mono text-xs">{run.id}</span></Fact>
        <Fact label="Trigger event"><span className="font-mono text-xs">{run.eventName ?? "—"}</span></Fact>
        <Fact label="Created">{run.createdAt.toLocaleString("en-US")}</Fact>
        <Fact label="Started">{run.startedAt?.toLocaleString("en-US") ?? "—"}</Fact>
        <Fact label="Finished">{run.finishedAt?.toLocaleString("en-US") ?? "—"}</Fact>
        <Fact label="Duration">{executorRunDuration(run)}</Fact>
        <Fact label="Failed attempts">{run.attempt} / {run.maxAttempts}</Fact>
        {run.replayOfRunId && (
          <Fact label="Replay of"><Link href={`/admin/executor/${run.replayOfRunId}`} className="font-mono text-xs text-brand-600 dark:text-brand-400 hover:underline">{run.replayOfRunId}</Link></Fact>
        )}
        <Fact label="Trace">
          {run.trace === null ? (
            <span className="text-zinc-500 dark:text-zinc-400">not recorded</span>
          ) : run.trace.url ? (
            <a href={run.trace.url} target="_blank" rel="noreferrer" data-testid="run-trace" className="font-mono text-xs text-brand-600 dark:text-brand-400 hover:underline">{run.trace.id}</a>
          ) : (
            <span data-testid="run-trace" className="font-mono text-xs">{run.trace.id}</span>
          )}
        </Fact>
        {run.parentRunId && (
          <Fact label="Invoked by"><Link href={`/admin/executor/${run.parentRunId}`} className="font-mono text-xs text-brand-600 dark:text-brand-400 hover:underline">{run.parentRunId}</Link></Fact>
        )}
      </dl>
      {run.error && <p className="text-sm text-red-600 dark:text-red-400">{run.error}</p>}
      {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
    </header>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ExecutorStepItem({ step }: { step: ExecutorStepView }) {
  return (
    <details className="group rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-2.5 text-sm" aria-label={`Step ${step.name}, ${step.status.toLowerCase()}`}>
        <span className="font-medium">{step.name}</span>
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{step.op}</span>
        <ExecutorStatusBadge status={step.status} />
        <span className="ml-auto flex gap-3 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
          {step.attempts > 0 && <span>{step.attempts} failed attempt{step.attempts === 1 ? "" : "s"}</span>}
          <span>{step.durationMs !== null ? formatDuration(step.durationMs) : step.wakeAt ? `until ${step.wakeAt.toLocaleString("en-US")}` : "—"}</span>
        </span>
      </summary>
      <div className="space-y-3 border-t border-zinc-200 p-4 dark:border-zinc-800">
        {step.waitEvent && <p className="text-sm">Waiting for event <span className="font-mono text-xs">{step.waitEvent}</span></p>}
        {step.invokedRunId && (
          <p className="text-sm">Invoked run <Link href={`/admin/executor/${step.invokedRunId}`} className="font-mono text-xs text-brand-600 dark:text-brand-400 hover:underline">{step.invokedRunId}</Link></p>
        )}
        <JsonBlock label="Input" value={step.input} />
        <JsonBlock label="Output" value={step.output} />
        {step.error && <JsonBlock label="Error" value={step.error} />}
      </div>
    </details>
  );
}
