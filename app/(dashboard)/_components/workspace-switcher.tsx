"use client";

import { useUiStore } from "~/lib/stores/ui-store";
import { useActiveWorkspace } from "~/lib/hooks/use-active-workspace";

export function WorkspaceSwitcher() {
  const { workspace, workspaces } = useActiveWorkspace();
  const setActiveWorkspaceId = useUiStore((state) => state.setActiveWorkspaceId);
  if (!workspace) return <span className="h-8 w-40 animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800" />;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Workspace</span>
      <select
        value={workspace.id}
        onChange={(event) => setActiveWorkspaceId(event.target.value)}
        className="max-w-[11rem] truncate rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm sm:max-w-xs dark:border-zinc-700 dark:bg-zinc-900"
      >
        {workspaces.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
}
