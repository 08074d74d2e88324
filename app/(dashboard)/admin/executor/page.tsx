import type { Metadata } from "next";
import Link from "next/link";
import { isSessionUserAdmin } from "~/server/auth/is-session-user-admin";
import { AdminOnlyNotice } from "./_components/admin-only-notice";
import { ExecutorRunsView } from "./_components/executor-runs-view";

export const metadata: Metadata = { title: "Executor runs · Admin" };

export default async function AdminExecutorRunsPage() {
  // The procedures check the role too; this only spares non-admins a page of FORBIDDEN errors.
  if (!(await isSessionUserAdmin())) return <AdminOnlyNotice />;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Executor runs</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Every run of the app&apos;s background functions on the embedded executor.</p>
        </div>
        <Link href="/admin/health" className="text-sm font-medium text-brand-600 underline hover:text-brand-700 dark:text-brand-400">
          Health
        </Link>
      </header>
      <ExecutorRunsView />
    </div>
  );
}
