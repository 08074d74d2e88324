import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "~/components/status-badge";
import { getServerApi } from "~/lib/trpc/server";
import { ProjectHeader } from "./_components/project-header";

type PageProps = { params: Promise<{ projectId: string }> };

async function loadProject(projectId: string) {
  const api = await getServerApi();
  try {
    return await api.project.get({ projectId });
  } catch (error) {
    // Malformed ids, missing projects and other workspaces' projects all look the same: not found.
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "UNAUTHORIZED"].includes(error.code)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const project = await loadProject((await params).projectId);
  return { title: project.name };
}

export default async function ProjectPage({ params }: PageProps) {
  const project = await loadProject((await params).projectId);
  const latestRun = project.runs[0];

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/projects" className="hover:underline">Projects</Link> <span aria-hidden>/</span> {project.workspace.name}
      </nav>
      <ProjectHeader project={{ id: project.id, name: project.name, status: project.status, archivedAt: project.archivedAt }} />

      <section aria-labelledby="prompt-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="prompt-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-500">Prompt</h2>
        <p className="mt-2 whitespace-pre-wrap break-words" data-testid="project-prompt">{project.originalPrompt}</p>
        <p className="mt-3 text-xs text-zinc-500">
          Created by {project.user.name ?? project.user.email} on {project.createdAt.toLocaleString("en-US")}
        </p>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="run-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-center justify-between">
            <h2 id="run-heading" className="font-semibold">Live run</h2>
            {latestRun && <StatusBadge status={latestRun.status} />}
          </div>
          {latestRun ? (
            <div className="mt-3 space-y-2 text-sm text-zinc-600 dark:text-zinc-400">
              <p>Queued {latestRun.queuedAt.toLocaleString("en-US")}.</p>
              <p data-testid="run-placeholder">
                The agent timeline — plan, code, database, infrastructure, QA and deploy — streams here as the run progresses.
              </p>
            </div>
          ) : (
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">No runs yet.</p>
          )}
        </section>

        <section aria-labelledby="files-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="files-heading" className="font-semibold">Files</h2>
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="files-placeholder">
            {project._count.versions === 0
              ? "No versions yet. Generated files and their history appear here once the first version is built."
              : `${project._count.versions} version(s).`}
          </p>
        </section>
      </div>
    </div>
  );
}
