import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getServerApi } from "~/lib/trpc/server";
import { ProjectHeader } from "./_components/project-header";
import { ProjectWorkspace } from "./_components/project-workspace";

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
  const api = await getServerApi();
  const workspace = await api.workspace.get({ workspaceId: project.workspaceId });

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/projects" className="hover:underline">Projects</Link> <span aria-hidden>/</span> {project.workspace.name}
      </nav>
      <ProjectHeader project={{ id: project.id, name: project.name, status: project.status, liveVersion: project.liveVersion, archivedAt: project.archivedAt }} />

      <section aria-labelledby="prompt-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="prompt-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Prompt</h2>
        <p className="mt-2 whitespace-pre-wrap break-words" data-testid="project-prompt">{project.originalPrompt}</p>
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          Created by {project.user.name ?? project.user.email} on {project.createdAt.toLocaleString("en-US")}
        </p>
      </section>

      <ProjectWorkspace projectId={project.id} canEdit={workspace.role !== "VIEWER"} />
    </div>
  );
}
