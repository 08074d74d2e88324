"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { StatusBadge } from "~/components/status-badge";
import { projectBadgeStatus } from "~/lib/requirement-status";
import { Button } from "~/components/ui/button";
import { TextInput } from "~/components/ui/field";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { RouterOutputs } from "~/lib/trpc/types";

type ProjectHeaderProps = { project: Pick<RouterOutputs["project"]["get"], "id" | "name" | "status" | "liveVersion" | "archivedAt"> };

export function ProjectHeader({ project }: ProjectHeaderProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isEditing, setIsEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onError = (caught: unknown) => setError(describeError(caught));
  const onSuccess = () => {
    setError(null);
    setIsEditing(false);
    router.refresh();
  };
  const rename = useMutation(trpc.project.rename.mutationOptions({ onSuccess, onError }));
  const archive = useMutation(trpc.project.archive.mutationOptions({ onSuccess, onError }));
  const unarchive = useMutation(trpc.project.unarchive.mutationOptions({ onSuccess, onError }));

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    rename.mutate({ projectId: project.id, name });
  }

  return (
    <header className="space-y-2">
      {isEditing ? (
        <form onSubmit={onRename} className="flex flex-wrap items-center gap-2">
          <label htmlFor="project-name" className="sr-only">Project name</label>
          <TextInput id="project-name" name="name" defaultValue={project.name} autoFocus className="max-w-md text-lg" />
          <Button type="submit" isLoading={rename.isPending}>Save</Button>
          <Button type="button" variant="ghost" onClick={() => setIsEditing(false)}>Cancel</Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-name">{project.name}</h1>
          <StatusBadge status={projectBadgeStatus(project)} />
          {project.archivedAt && <span className="rounded-full bg-zinc-200 px-2 py-0.5 text-xs dark:bg-zinc-800">Archived</span>}
          <div className="ml-auto flex gap-2">
            <Button variant="secondary" onClick={() => setIsEditing(true)}>Rename</Button>
            {project.archivedAt ? (
              <Button variant="secondary" isLoading={unarchive.isPending} onClick={() => unarchive.mutate({ projectId: project.id })}>
                Restore
              </Button>
            ) : (
              <Button variant="secondary" isLoading={archive.isPending} onClick={() => archive.mutate({ projectId: project.id })}>
                Archive
              </Button>
            )}
          </div>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
    </header>
  );
}
