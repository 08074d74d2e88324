import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isSessionUserAdmin } from "~/server/auth/is-session-user-admin";
import { ZExecutorRunId } from "~/server/executor-admin/schemas";
import { AdminOnlyNotice } from "../_components/admin-only-notice";
import { RunDetail } from "../_components/run-detail";

type PageProps = { params: Promise<{ runId: string }> };

export const metadata: Metadata = { title: "Run · Admin" };

export default async function AdminRunPage({ params }: PageProps) {
  if (!(await isSessionUserAdmin())) return <AdminOnlyNotice />;
  const { runId } = await params;
  if (!ZExecutorRunId.safeParse(runId).success) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/admin/runs" className="hover:underline">Runs</Link> <span aria-hidden>/</span> <span className="font-mono">{runId}</span>
      </nav>
      <RunDetail runId={runId} />
    </div>
  );
}
