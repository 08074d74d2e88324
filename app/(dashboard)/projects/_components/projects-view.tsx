"use client";

import { useActiveWorkspace } from "~/lib/hooks/use-active-workspace";
import { Button } from "~/components/ui/button";
import { describeError } from "~/lib/trpc/errors";
import { CreateProjectForm } from "./create-project-form";
import { ProjectList } from "./project-list";

export function ProjectsView() {
  const { workspace, isLoading, error, refetch } = useActiveWorkspace();

  if (error) {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 p-6 dark:border-red-900">
        <p>Could not load your workspaces: {describeError(error)}</p>
        <Button variant="secondary" onClick={() => void refetch()}>Try again</Button>
      </div>
    );
  }
  if (isLoading || !workspace) {
    return <div className="h-48 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading" />;
  }

  const canCreate = workspace.role !== "VIEWER";
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <section aria-labelledby="new-project-heading" className="space-y-3">
        <h1 id="new-project-heading" className="text-2xl font-semibold tracking-tight">
          What should we build?
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Describe an app in plain words. Agents plan it, write the code, test it in a real browser and deploy a preview.
        </p>
        {canCreate ? (
          <CreateProjectForm workspaceId={workspace.id} />
        ) : (
          <p className="rounded-lg bg-zinc-100 p-4 text-sm dark:bg-zinc-900">You are a viewer in this workspace and cannot create projects.</p>
        )}
      </section>
      <section aria-labelledby="projects-heading" className="space-y-3">
        <h2 id="projects-heading" className="text-lg font-semibold">
          Projects <span className="font-normal text-zinc-500 dark:text-zinc-400">in {workspace.name}</span>
        </h2>
        <ProjectList workspaceId={workspace.id} />
      </section>
    </div>
  );
}
