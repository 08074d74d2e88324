"use client";

import { useEffect, useRef } from "react";

/** Keys are single characters ("a", "?") or two-key sequences written "g p" (press g, then p). */
export type ShortcutMap = Record<string, () => void>;

const SEQUENCE_TIMEOUT_MS = 1000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Page-level shortcuts in the style of GitHub and Linear. They never fire while the user types in
 * a field or holds a modifier, so they cannot swallow text or browser shortcuts.
 */
export function useKeyboardShortcuts(shortcuts: ShortcutMap, isEnabled = true) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    if (!isEnabled) return;
    let pending: { key: string; at: number } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key;
      const sequence = pending && Date.now() - pending.at < SEQUENCE_TIMEOUT_MS ? `${pending.key} ${key}` : null;
      pending = null;
      const action = (sequence && latest.current[sequence]) || latest.current[key];
      if (action) {
        event.preventDefault();
        action();
        return;
      }
      if (Object.keys(latest.current).some((combo) => combo.startsWith(`${key} `))) pending = { key, at: Date.now() };
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled]);
}
