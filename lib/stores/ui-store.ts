"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";

export type ThemePreference = "light" | "dark" | "system";

type UiState = {
  theme: ThemePreference;
  /** The workspace the dashboard shows; shared by the header switcher and every page. */
  activeWorkspaceId: string | null;
  setTheme: (theme: ThemePreference) => void;
  setActiveWorkspaceId: (workspaceId: string | null) => void;
};

export const THEME_STORAGE_KEY = "epic-ui";

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: "system",
      activeWorkspaceId: null,
      setTheme: (theme) => set({ theme }),
      setActiveWorkspaceId: (activeWorkspaceId) => set({ activeWorkspaceId }),
    }),
    { name: THEME_STORAGE_KEY },
  ),
);
