"use client";

import { StatusBadge } from "~/components/status-badge";
import { formatDuration } from "~/lib/format";
import type { RunEventMessage, StreamState } from "~/lib/hooks/use-run-events";
import { deriveStages, describeEvent, type StageStatus } from "~/lib/run-timeline";

const dot: Record<StageStatus, string> = {
  pending: "bg-zinc-300 dark:bg-zinc-700",
  running: "bg-sky-500 animate-pulse",
  done: "bg-emerald-500",
  unverified: "bg-amber-500",
  failed: "bg-red-500",
};

const streamLabel: Record<StreamState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", ended: "Finished" };

export function RunTimeline({ events, streamState, runStatus }: { events: RunEventMessage[]; streamState: StreamState; runStatus: string }) {
  const stages = deriveStages(events);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between text-sm">
        <StatusBadge status={runStatus} />
        <span className={`text-xs ${streamState === "reconnecting" ? "text-amber-600" : "text-zinc-500 dark:text-zinc-400"}`} data-testid="stream-state">
          {streamLabel[streamState]}
        </span>
      </div>
      <ol className="grid items-start gap-2 sm:grid-cols-2" aria-label="Agent stages" data-testid="stages">
        {stages.map((stage) => (
          <li key={stage.name} className="rounded-lg border border-zinc-200 dark:border-zinc-800" data-stage={stage.name} data-status={stage.status}>
            <details className="group">
              <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2 [&::-webkit-details-marker]:hidden">
                <span className={`size-2.5 shrink-0 rounded-full ${dot[stage.status]}`} aria-hidden />
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">{stage.name}</p>
                  <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                    {stage.status === "unverified" ? "done, with gaps" : stage.status}
                    {stage.attempts > 1 && ` · ${stage.attempts} attempts`}
                    {stage.interruptions > 0 && ` · resumed after ${stage.interruptions === 1 ? "a restart" : `${stage.interruptions} restarts`}`}
                    {stage.durationMs > 0 && ` · ${formatDuration(stage.durationMs)}`}
                    {stage.tokens > 0 && ` · ${stage.tokens.toLocaleString("en-US")} tokens · $${stage.costUsd.toFixed(4)}`}
                  </p>
                </div>
                {stage.lines.length > 0 && (
                  <span className="text-xs text-zinc-400 transition-transform group-open:rotate-90" aria-hidden>
                    ›
                  </span>
                )}
              </summary>
              <ol className="max-h-40 space-y-0.5 overflow-y-auto border-t border-zinc-100 px-3 py-2 font-mono text-xs dark:border-zinc-800" aria-label={`${stage.name} log`}>
                {stage.lines.length === 0 ? (
                  <li className="text-zinc-500 dark:text-zinc-400">Nothing yet.</li>
                ) : (
                  stage.lines.map((line) => (
                    <li key={line.seq} className={line.isError ? "text-red-600 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300"}>
                      {line.text}
                    </li>
                  ))
                )}
              </ol>
            </details>
          </li>
        ))}
      </ol>
      <details className="text-sm" open>
        <summary className="cursor-pointer font-medium">Activity ({events.length})</summary>
        <ol className="mt-2 max-h-72 space-y-1 overflow-y-auto font-mono text-xs" aria-live="polite" data-testid="activity">
          {events.map((event) => (
            <li key={event.seq} className="flex gap-2">
              <span className="shrink-0 text-zinc-500 dark:text-zinc-400">{new Date(event.createdAt).toLocaleTimeString("en-US")}</span>
              <span className={event.type.endsWith("failed") ? "text-red-600 dark:text-red-400" : ""}>{describeEvent(event)}</span>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
