"use client";

import { useEffect, useState } from "react";

type Status = "idle" | "copied" | "failed";
const caption: Record<Status, string> = { idle: "Copy", copied: "Copied", failed: "Copy failed" };

/** Copies `text` to the clipboard and says so (to screen readers too) for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<Status>("idle");

  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      // Rejected without a secure context or permission: say so rather than pretend.
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }

  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      className="rounded px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span aria-live="polite">{caption[status]}</span>
    </button>
  );
}
