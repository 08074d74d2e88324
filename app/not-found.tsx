import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-400">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">This page does not exist, or you do not have access to it.</p>
      <Link href="/projects" className="text-sm font-medium text-brand-600 dark:text-brand-400 hover:underline">
        Back to projects
      </Link>
    </main>
  );
}
