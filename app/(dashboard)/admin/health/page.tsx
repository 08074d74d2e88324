import type { Metadata } from "next";
import Link from "next/link";
import { isSessionUserAdmin } from "~/server/auth/is-session-user-admin";
import { AdminOnlyNotice } from "../executor/_components/admin-only-notice";
import { OperationsHealthView } from "./_components/operations-health-view";

export const metadata: Metadata = { title: "Health · Admin" };

export default async function AdminHealthPage() {
  // The procedure checks the role too; this only spares non-admins a FORBIDDEN error.
  if (!(await isSessionUserAdmin())) return <AdminOnlyNotice />;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Health</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            This installation right now: the executor&apos;s queue and lag, runs by state, failing agents, open streams, the database and the browser.
          </p>
        </div>
        <Link href="/admin/executor" className="text-sm font-medium text-brand-600 underline hover:text-brand-700 dark:text-brand-400">
          Executor runs
        </Link>
      </header>
      <OperationsHealthView />
    </div>
  );
}
