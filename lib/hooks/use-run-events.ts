"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RunEventMessage } from "~/server/events/run-events";

export type { RunEventMessage };
export type StreamState = "connecting" | "live" | "reconnecting" | "ended";

/**
 * Follows a run's events over SSE. EventSource reconnects by itself and sends Last-Event-ID, and
 * the server resumes after it, so the list has no gaps or duplicates. Server state that an event
 * changes is invalidated in TanStack Query, so lists refresh without polling.
 */
export function useRunEvents(runId: string | null, invalidate: (event: RunEventMessage) => void) {
  // Keyed by run: switching runs shows an empty list at once, without a reset inside the effect.
  const [log, setLog] = useState<{ runId: string | null; events: RunEventMessage[]; state: StreamState }>({ runId: null, events: [], state: "connecting" });
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!runId) return;
    const update = (change: (current: { events: RunEventMessage[]; state: StreamState }) => { events: RunEventMessage[]; state: StreamState }) =>
      setLog((previous) => ({ runId, ...change(previous.runId === runId ? previous : { events: [], state: "connecting" }) }));
    const source = new EventSource(`/api/runs/${runId}/events`);
    source.onopen = () => update((current) => ({ ...current, state: "live" }));
    source.onerror = () => update((current) => ({ ...current, state: source.readyState === EventSource.CLOSED ? "ended" : "reconnecting" }));
    source.addEventListener("run-event", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as RunEventMessage;
      update((current) => ({ ...current, events: current.events.some((known) => known.seq === event.seq) ? current.events : [...current.events, event] }));
      invalidate(event);
    });
    source.addEventListener("end", () => {
      update((current) => ({ ...current, state: "ended" }));
      source.close();
    });
    return () => source.close();
    // `invalidate` is read at call time; re-subscribing on its identity would restart the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId, queryClient]);

  return log.runId === runId ? { events: log.events, state: log.state } : { events: [], state: "connecting" as StreamState };
}
