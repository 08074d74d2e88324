/** What a signed-in user without the platform ADMIN role sees on the admin pages. */
export function AdminOnlyNotice() {
  return (
    <div role="alert" className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700" data-testid="admin-only">
      <p className="font-medium">Only platform administrators can see runs</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Ask an administrator of this installation if you need access.</p>
    </div>
  );
}
