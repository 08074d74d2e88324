"use client";
// False while the server renders the page and the browser hydrates it, true once React runs the
// page: forms keep their submit buttons disabled until then, so a click that comes before the
// JavaScript cannot post the form the browser's own way (which would put a password in the URL).
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
