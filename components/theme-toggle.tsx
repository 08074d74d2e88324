"use client";

import { useEffect } from "react";
import { useUiStore, type ThemePreference } from "~/lib/stores/ui-store";

const next: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };
const label: Record<ThemePreference, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const icon: Record<ThemePreference, string> = { system: "◐", light: "☀", dark: "☾" };

export function ThemeToggle() {
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);

  useEffect(() => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const apply = () =>
      document.documentElement.classList.toggle("dark", theme === "dark" || (theme === "system" && media.matches));
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);

  return (
    <button
      type="button"
      onClick={() => setTheme(next[theme])}
      className="rounded-md px-2 py-1 text-lg leading-none text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800"
      aria-label={`${label[theme]} (click to change)`}
      title={label[theme]}
    >
      <span aria-hidden>{icon[theme]}</span>
    </button>
  );
}
