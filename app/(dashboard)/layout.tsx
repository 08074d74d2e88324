import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ThemeToggle } from "~/components/theme-toggle";
import { isSessionUserAdmin } from "~/server/auth/is-session-user-admin";
import { getSessionUser } from "~/server/auth/session";
import { UserMenu } from "./_components/user-menu";
import { WorkspaceSwitcher } from "./_components/workspace-switcher";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  const isAdmin = await isSessionUserAdmin();
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          <Link href="/projects" className="shrink-0 font-semibold tracking-tight">
            <span className="text-brand-600">Epic</span> <span className="hidden sm:inline">AI Dev</span>
          </Link>
          <span className="text-zinc-300 dark:text-zinc-700" aria-hidden>/</span>
          <WorkspaceSwitcher />
          <nav className="ml-2 hidden items-center gap-1 text-sm sm:flex" aria-label="Main">
            <Link href="/projects" className="rounded-md px-2 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
              Projects
            </Link>
            <Link href="/settings" className="rounded-md px-2 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
              Settings
            </Link>
            {isAdmin && (
              <Link href="/admin/runs" className="rounded-md px-2 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                Admin
              </Link>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu email={user.email} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
