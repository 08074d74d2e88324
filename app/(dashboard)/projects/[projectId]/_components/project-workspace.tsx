"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Field, TextArea } from "~/components/ui/field";
import { LoadError } from "~/components/ui/load-error";
import { useKeyboardShortcuts } from "~/lib/hooks/use-keyboard-shortcuts";
import { useRunEvents, type RunEventMessage } from "~/lib/hooks/use-run-events";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import { finishedEventOfStatus, isActiveRunStatus, isRetryableRunStatus } from "~/server/events/run-statuses";
import type { TPlan } from "~/server/plan/plan-schema";
import { Conversation } from "./conversation";
import { DeployTargetsPanel } from "./deploy-targets-panel";
import { DeploymentsPanel } from "./deployments-panel";
import { FilesPanel } from "./files-panel";
import { GitHubPanel } from "./github-panel";
import { PlanReview } from "./plan-review";
import { PlanView } from "./plan-view";
import { PreviewPanel } from "./preview-panel";
import { QaPanel } from "./qa-panel";
import { RunTimeline } from "./run-timeline";


function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900" data-testid={testId}>
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function ProjectWorkspace({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const project = useQuery(trpc.project.get.queryOptions({ projectId }));
  const runs = useQuery(trpc.run.list.queryOptions({ projectId, limit: 20 }));
  const origins = useQuery(trpc.deployment.origins.queryOptions({ projectId }));
  const [selectedRunId, setSelectedRunId] = useState<string | null>(null);
  const runId = selectedRunId ?? runs.data?.[0]?.id ?? null;
  const run = runs.data?.find((item) => item.id === runId);

  // Events replayed on (re)connect are history; only those committed while the page is open are news.
  const [openedAt] = useState(() => Date.now());
  const announce = (event: RunEventMessage) => {
    if (new Date(event.createdAt).getTime() < openedAt) return;
    if (event.type === "run.succeeded") toast.success("Run succeeded — the preview is live");
    else if (event.type === "run.ready_with_gaps") toast.warning(`Ready with gaps: ${event.payload.summary}`, {
        description: "The preview is live; the QA panel says what is missing.",
        // Longer than a success toast: this one asks the user to look at something.
        duration: 10_000,
      });
    else if (event.type === "run.failed") toast.error(`Run failed: ${event.payload.error ?? "see the activity log"}`);
    else if (event.type === "plan.generated" && event.payload.isApprovalRequired) toast.info("The plan is ready for your review");
  };

  const invalidate = (event: RunEventMessage) => {
    announce(event);
    const refresh = (key: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey: key });
    if (event.type.startsWith("run.") || event.type.startsWith("plan.")) refresh(trpc.run.list.pathKey());
    if (event.type === "version.created" || event.type === "github.pushed") refresh(trpc.version.list.pathKey());
    if (event.type === "deployment.status" || event.type.startsWith("run.")) {
      refresh(trpc.deployment.list.pathKey());
      refresh(trpc.deployment.targets.pathKey());
      refresh(trpc.deployment.origins.pathKey());
      refresh(trpc.project.get.pathKey());
    }
    // The header (name, status) is rendered on the server: re-render it when the run settles.
    if (event.type === "run.stage" || (Object.values(finishedEventOfStatus) as string[]).includes(event.type)) router.refresh();
  };
  const { events, state } = useRunEvents(runId, invalidate);

  const [error, setError] = useState<string | null>(null);
  const onError = (caught: unknown) => {
    const message = describeError(caught);
    setError(message);
    toast.error(message);
  };
  const refreshRuns = () => void queryClient.invalidateQueries({ queryKey: trpc.run.list.pathKey() });
  const cancel = useMutation(
    trpc.run.cancel.mutationOptions({
      onSuccess: () => {
        toast.success("Run cancelled");
        refreshRuns();
      },
      onError,
    }),
  );
  const retry = useMutation(
    trpc.run.retry.mutationOptions({
      onSuccess: (next) => {
        toast.success("Started the run again");
        setSelectedRunId(next.id);
        refreshRuns();
      },
      onError,
    }),
  );
  const review = useMutation(
    trpc.run.reviewPlan.mutationOptions({
      onSuccess: (_result, input) => {
        toast.success(input.isApproved ? (input.plan ? "Edited plan approved — building" : "Plan approved — building") : "Plan rejected");
        refreshRuns();
      },
      onError,
    }),
  );
  const followUp = useMutation(
    trpc.project.followUp.mutationOptions({
      onSuccess: (next) => {
        toast.success("Follow-up started");
        setSelectedRunId(next.id);
        refreshRuns();
        router.refresh();
      },
      onError,
    }),
  );

  // The server validated the plan against ZPlan before storing the event; no need to ship zod here.
  const plan = latestPlan(events);
  const status = run?.status ?? "QUEUED";
  const liveUrl = origins.data?.liveUrl ?? undefined;
  const isPlanWaiting = status === "WAITING" && canEdit && plan !== null;
  const followUpBox = useRef<HTMLTextAreaElement>(null);

  useKeyboardShortcuts({
    a: () => isPlanWaiting && runId && !review.isPending && review.mutate({ runId, isApproved: true }),
    r: () => canEdit && runId && isRetryableRunStatus(status) && !retry.isPending && retry.mutate({ runId }),
    f: () => followUpBox.current?.focus(),
    o: () => liveUrl && window.open(liveUrl, "_blank", "noopener"),
  });

  function onFollowUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const prompt = String(new FormData(form).get("followUp") ?? "").trim();
    if (!prompt) return setError("Describe the change you want");
    setError(null);
    followUp.mutate({ projectId, prompt }, { onSuccess: () => form.reset() });
  }

  return (
    <div className="space-y-6">
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Live run" testId="live-run">
          {runs.isPending ? (
            <div className="space-y-2" aria-busy="true" aria-label="Loading the run">
              {[0, 1, 2].map((row) => (
                <div key={row} className="h-12 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
              ))}
            </div>
          ) : runs.isError ? (
            <LoadError what="runs" error={runs.error} onRetry={() => void runs.refetch()} />
          ) : runId ? (
            <>
              <RunTimeline events={events} streamState={state} runStatus={status} />
              {canEdit && (
                <div className="mt-4 flex gap-2">
                  {isActiveRunStatus(status) && (
                    <Button variant="secondary" isLoading={cancel.isPending} onClick={() => cancel.mutate({ runId })}>
                      Cancel run
                    </Button>
                  )}
                  {isRetryableRunStatus(status) && (
                    <Button variant="secondary" isLoading={retry.isPending} onClick={() => retry.mutate({ runId })} aria-keyshortcuts="r">
                      Retry
                    </Button>
                  )}
                </div>
              )}
            </>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No runs yet.</p>
          )}
        </Panel>
        <Panel title="Plan" testId="plan-panel">
          {plan !== null ? (
            <>
              <PlanView plan={plan} />
              {isPlanWaiting && runId && (
                <PlanReview
                  key={runId}
                  plan={plan}
                  isPending={review.isPending}
                  onDecide={(decision) => review.mutate({ runId, ...decision })}
                />
              )}
            </>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">The PromptCompiler agent&apos;s plan appears here.</p>
          )}
        </Panel>
      </div>

      <Panel title="Preview" testId="preview-panel">
        {liveUrl && origins.data ? (
          <PreviewPanel url={liveUrl} isIsolated={origins.data.isIsolated} />
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">The deployed preview appears here when the first version is ready.</p>
        )}
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="QA" testId="qa-panel">
          {runId ? <QaPanel runId={runId} events={events} plan={plan} /> : null}
        </Panel>
        <Panel title="Deployments">
          <DeploymentsPanel projectId={projectId} liveVersionId={project.data?.liveVersionId ?? null} />
        </Panel>
      </div>

      <Panel title="Deploy targets" testId="deploy-targets-panel">
        <DeployTargetsPanel projectId={projectId} canEdit={canEdit} />
      </Panel>
      <Panel title="GitHub" testId="github-panel">
        <GitHubPanel projectId={projectId} canEdit={canEdit} />
      </Panel>

      <Panel title="Files">
        <FilesPanel projectId={projectId} />
      </Panel>

      <Panel title="Conversation">
        <Conversation runs={runs.data ?? []} selectedRunId={runId} onSelect={setSelectedRunId} />
        {canEdit && (
          <form onSubmit={onFollowUp} className="mt-4 space-y-2" noValidate>
            <Field label="Ask for a change" htmlFor="followUp">
              <TextArea ref={followUpBox} id="followUp" name="followUp" aria-keyshortcuts="f" rows={2} placeholder="Add a due date to tasks, make it dark…" />
            </Field>
            <Button type="submit" isLoading={followUp.isPending}>
              Send follow-up
            </Button>
          </form>
        )}
      </Panel>
    </div>
  );
}

/** The plan the run builds: the latest generated or edited one. */
function latestPlan(events: RunEventMessage[]): TPlan | null {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    if (event.type === "plan.generated" || event.type === "plan.edited") return event.payload.plan;
  }
  return null;
}
