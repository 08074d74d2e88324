"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { LoadError } from "~/components/ui/load-error";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import { deployTargetLabels, externalDeployTargets, type TDeployTarget, type TExternalDeployTarget } from "~/server/events/deploy-targets";

type Pending = { target: TExternalDeployTarget; versionId: string; number: number };

/** Where the project deploys: choose targets, see each one's live version and URL, roll one back. */
export function DeployTargetsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const targets = useQuery(trpc.deployment.targets.queryOptions({ projectId }));
  const deployments = useQuery(trpc.deployment.list.queryOptions({ projectId }));
  const [pending, setPending] = useState<Pending | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.deployment.targets.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.deployment.list.pathKey() });
  };
  const setTargets = useMutation(
    trpc.deployment.setTargets.mutationOptions({
      onSuccess: () => {
        toast.success("Deploy targets saved: the next version goes to each of them");
        refresh();
      },
      onError: (caught) => toast.error(describeError(caught)),
    }),
  );
  const rollback = useMutation(
    trpc.deployment.rollbackTarget.mutationOptions({
      onSuccess: (deployment, input) => {
        const label = deployTargetLabels[input.target];
        if (deployment.status === "READY") toast.success(`${label} serves the earlier version again`);
        else toast.error(`${label} rollback failed: see its deployment's logs`);
        setPending(null);
        refresh();
      },
      onError: (caught) => {
        toast.error(describeError(caught));
        setPending(null);
      },
    }),
  );

  if (targets.isPending) return <div className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" aria-busy="true" aria-label="Loading deploy targets" />;
  if (targets.isError) return <LoadError what="deploy targets" error={targets.error} onRetry={() => void targets.refetch()} />;
  const { chosen, available, statuses } = targets.data;

  function toggle(target: TExternalDeployTarget, isOn: boolean) {
    const next: TDeployTarget[] = isOn ? [...chosen, target] : chosen.filter((item) => item !== target);
    setTargets.mutate({ projectId, targets: next });
  }

  /** Versions that went live on a target before, newest first, except the one live now. */
  function earlierVersions(target: TExternalDeployTarget, liveVersionId: string | null) {
    const seen = new Map<string, number>();
    for (const deployment of deployments.data ?? []) {
      if (deployment.target !== target || deployment.status !== "READY" || !deployment.version || deployment.version.id === liveVersionId) continue;
      if (!seen.has(deployment.version.id)) seen.set(deployment.version.id, deployment.version.number);
    }
    return [...seen].map(([versionId, number]) => ({ versionId, number }));
  }

  return (
    <div className="space-y-4" data-testid="deploy-targets">
      {pending && (
        <ConfirmDialog
          title={`Roll ${deployTargetLabels[pending.target]} back to v${pending.number}?`}
          confirmLabel={`Roll back to v${pending.number}`}
          isPending={rollback.isPending}
          onCancel={() => setPending(null)}
          onConfirm={() => rollback.mutate({ projectId, versionId: pending.versionId, target: pending.target })}
        >
          {deployTargetLabels[pending.target]} will serve version {pending.number} again. The other targets and the preview keep what they serve.
        </ConfirmDialog>
      )}
      <ul className="space-y-2">
        {statuses.map((status) => {
          const external = status.target === "preview" ? null : status.target;
          const options = external ? earlierVersions(external, status.live?.versionId ?? null) : [];
          return (
            <li key={status.target} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid={`deploy-target-${status.target}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{deployTargetLabels[status.target]}</span>
                {status.latest && <StatusBadge status={status.latest.status} />}
                {status.live ? (
                  <span className="text-xs text-zinc-600 dark:text-zinc-300">live: v{status.live.versionNumber ?? "?"}</span>
                ) : (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">nothing live yet</span>
                )}
                {status.live?.url && (
                  <a href={status.live.url} target="_blank" rel="noreferrer noopener" className="ml-auto truncate font-mono text-xs text-brand-600 underline dark:text-brand-400">
                    {status.live.url}
                  </a>
                )}
              </div>
              {status.latest?.status === "FAILED" && status.latest.message && (
                <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
                  v{status.latest.versionNumber}: {status.latest.message}
                </p>
              )}
              {external && canEdit && options.length > 0 && (
                <div className="mt-2 flex flex-wrap gap-2">
                  {options.slice(0, 3).map((option) => (
                    <Button key={option.versionId} variant="secondary" className="px-2 py-1 text-xs" isLoading={rollback.isPending} onClick={() => setPending({ target: external, ...option })}>
                      Roll back to v{option.number}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <fieldset className="space-y-1" disabled={!canEdit || setTargets.isPending}>
        <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">Deploy each new version to</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled /> {deployTargetLabels.preview} (always)
        </label>
        {externalDeployTargets.map((target) => {
          const isConnected = available.find((item) => item.target === target)?.isConnected ?? false;
          return (
            <label key={target} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={chosen.includes(target)} disabled={!isConnected && !chosen.includes(target)} onChange={(event) => toggle(target, event.target.checked)} />
              {deployTargetLabels[target]}
              {!isConnected && (
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  (not connected: <Link href="/settings/integrations" className="underline">Settings → Integrations</Link>)
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
