"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import { formatRelativeTime } from "~/lib/format";
import { projectBadgeStatus } from "~/lib/requirement-status";

export function ProjectList({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.project.list.infiniteQueryOptions({ workspaceId, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  if (query.isLoading) {
    return (
      <ul className="space-y-2" aria-label="Loading projects">
        {[0, 1, 2].map((index) => (
          <li key={index} className="h-20 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" />
        ))}
      </ul>
    );
  }
  if (query.error) {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 p-4 text-sm dark:border-red-900">
        <p>Could not load projects: {describeError(query.error)}</p>
        <Button variant="secondary" onClick={() => void query.refetch()}>Try again</Button>
      </div>
    );
  }

  const projects = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (projects.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700" data-testid="projects-empty">
        <p className="font-medium">No projects yet</p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Describe your first app and the agents get to work.</p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <ul className="space-y-2" data-testid="project-list">
        {projects.map((project) => (
          <li key={project.id}>
            <Link
              href={`/projects/${project.id}`}
              className="block rounded-xl border border-zinc-200 bg-white p-4 transition hover:border-brand-500 hover:shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
            >
              <div className="flex items-center justify-between gap-3">
                <span className="truncate font-medium">{project.name}</span>
                <StatusBadge status={projectBadgeStatus(project)} />
              </div>
              <p className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{project.originalPrompt}</p>
              <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
                {project.user.name ?? project.user.email} · created {formatRelativeTime(project.createdAt)}
              </p>
            </Link>
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <Button variant="secondary" className="w-full" isLoading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
