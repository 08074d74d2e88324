"use client";

import { Toaster as SonnerToaster } from "sonner";
import { useUiStore } from "~/lib/stores/ui-store";

/** One toast region for the whole app; call `toast.success(...)` / `toast.error(...)` from "sonner" anywhere. */
export function Toaster() {
  const theme = useUiStore((state) => state.theme);
  return <SonnerToaster theme={theme} position="bottom-right" richColors closeButton />;
}
