import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ThemeToggle } from "~/components/theme-toggle";
import { isSessionUserAdmin } from "~/server/auth/is-session-user-admin";
import { getSessionUser } from "~/server/auth/session";
import { BrowserNotice } from "./_components/browser-notice";
import { NavLink } from "./_components/nav-link";
import { GlobalShortcuts } from "./_components/global-shortcuts";
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
        <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:flex-nowrap sm:py-0">
          <Link href="/projects" className="shrink-0 font-semibold tracking-tight">
            <span className="text-brand-600 dark:text-brand-400">Epic</span> <span className="hidden sm:inline">AI Dev</span>
          </Link>
          <span className="text-zinc-300 dark:text-zinc-700" aria-hidden>/</span>
          <WorkspaceSwitcher />
          {/* On a phone the nav wraps onto its own row below the brand instead of disappearing. */}
          <nav className="order-last -mx-2 flex w-full items-center gap-1 overflow-x-auto text-sm sm:order-none sm:mx-0 sm:ml-2 sm:w-auto" aria-label="Main">
            <NavLink href="/projects">Projects</NavLink>
            <NavLink href="/analytics">Analytics</NavLink>
            <NavLink href="/settings">Settings</NavLink>
            {isAdmin && (
              <NavLink href="/admin/executor">Admin</NavLink>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu email={user.email} />
          </div>
        </div>
      </header>
      <GlobalShortcuts />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <BrowserNotice />
        {children}
      </main>
    </div>
  );
}
