import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isSessionUserAdmin } from "~/server/auth/is-session-user-admin";
import { ZExecutorRunId } from "~/server/executor-admin/schemas";
import { AdminOnlyNotice } from "../_components/admin-only-notice";
import { ExecutorRunDetail } from "../_components/executor-run-detail";

type PageProps = { params: Promise<{ executorRunId: string }> };

export const metadata: Metadata = { title: "Executor run · Admin" };

export default async function AdminExecutorRunPage({ params }: PageProps) {
  if (!(await isSessionUserAdmin())) return <AdminOnlyNotice />;
  const { executorRunId: runId } = await params;
  if (!ZExecutorRunId.safeParse(runId).success) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/admin/executor" className="hover:underline">Executor runs</Link> <span aria-hidden>/</span> <span className="font-mono">{runId}</span>
      </nav>
      <ExecutorRunDetail runId={runId} />
    </div>
  );
}
