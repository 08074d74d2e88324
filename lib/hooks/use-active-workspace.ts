"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useUiStore } from "~/lib/stores/ui-store";
import { useTRPC } from "~/lib/trpc/client";

/** The workspace the dashboard is showing: the remembered one if still accessible, else the first. */
export function useActiveWorkspace() {
  const trpc = useTRPC();
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  const activeWorkspaceId = useUiStore((state) => state.activeWorkspaceId);
  const setActiveWorkspaceId = useUiStore((state) => state.setActiveWorkspaceId);

  const list = workspaces.data ?? [];
  const active = list.find((workspace) => workspace.id === activeWorkspaceId) ?? list[0] ?? null;

  useEffect(() => {
    if (active && active.id !== activeWorkspaceId) setActiveWorkspaceId(active.id);
  }, [active, activeWorkspaceId, setActiveWorkspaceId]);

  return { workspace: active, workspaces: list, isLoading: workspaces.isLoading, error: workspaces.error, refetch: workspaces.refetch };
}
