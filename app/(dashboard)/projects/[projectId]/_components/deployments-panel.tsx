"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { LoadError } from "~/components/ui/load-error";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";

export function DeploymentsPanel({ projectId, liveVersionId }: { projectId: string; liveVersionId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deployments = useQuery(trpc.deployment.list.queryOptions({ projectId }));
  const [error, setError] = useState<string | null>(null);
  const [rollbackTarget, setRollbackTarget] = useState<{ id: string; number: number } | null>(null);
  const rollback = useMutation(
    trpc.deployment.rollback.mutationOptions({
      onSuccess: (_result, input) => {
        setError(null);
        const version = deployments.data?.find((deployment) => deployment.version?.id === input.versionId)?.version;
        toast.success(version ? `Rolled back to v${version.number}` : "Rolled back");
        setRollbackTarget(null);
        void queryClient.invalidateQueries({ queryKey: trpc.deployment.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.project.get.pathKey() });
      },
      onError: (caught) => {
        setError(describeError(caught));
        toast.error(describeError(caught));
        setRollbackTarget(null);
      },
    }),
  );

  if (deployments.isPending) return <DeploymentsSkeleton />;
  if (deployments.isError) return <LoadError what="deployments" error={deployments.error} onRetry={() => void deployments.refetch()} />;
  const list = deployments.data;
  if (list.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No deployments yet.</p>;
  return (
    <div className="space-y-2" data-testid="deployments">
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
      {rollbackTarget && (
        <ConfirmDialog
          title={`Roll back to v${rollbackTarget.number}?`}
          confirmLabel={`Roll back to v${rollbackTarget.number}`}
          isPending={rollback.isPending}
          onCancel={() => setRollbackTarget(null)}
          onConfirm={() => rollback.mutate({ projectId, versionId: rollbackTarget.id })}
        >
          The live preview URL will serve version {rollbackTarget.number} again. Nothing is deleted: you can roll forward to any other ready version later.
        </ConfirmDialog>
      )}
      <ul className="space-y-2">
        {list.map((deployment) => {
          // The live version and this rollback are the preview's; other targets roll back in their own panel.
          const isPreview = deployment.target === "preview";
          const isLive = isPreview && deployment.version?.id === liveVersionId && deployment.status === "READY";
          return (
            <li key={deployment.id} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={deployment.status} />
                <span className="font-medium">v{deployment.version?.number ?? "?"}</span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">{deployment.platform}</span>
                {deployment.completedAt && (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    {((new Date(deployment.completedAt).getTime() - new Date(deployment.initiatedAt).getTime()) / 1000).toFixed(1)} s
                  </span>
                )}
                {isLive && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300">Live</span>}
                <div className="ml-auto flex gap-2">
                  {deployment.deploymentUrl && (
                    <a href={deployment.deploymentUrl} target="_blank" rel="noreferrer noopener" className="text-xs text-brand-600 dark:text-brand-400 hover:underline">
                      Open
                    </a>
                  )}
                  {isPreview && deployment.status === "READY" && !isLive && deployment.version && (
                    <Button
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      isLoading={rollback.isPending}
                      onClick={() => setRollbackTarget({ id: deployment.version!.id, number: deployment.version!.number })}
                    >
                      Roll back to v{deployment.version.number}
                    </Button>
                  )}
                </div>
              </div>
              {deployment.deploymentUrl && <p className="mt-1 truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{deployment.deploymentUrl}</p>}
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-zinc-500 dark:text-zinc-400">Logs</summary>
                <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">{deployment.logs}</pre>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function DeploymentsSkeleton() {
  return (
    <div className="space-y-2" aria-busy="true" aria-label="Loading deployments">
      {[0, 1].map((row) => (
        <div key={row} className="h-16 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
      ))}
    </div>
  );
}
