"use client";

import { useState } from "react";

const sizes = { desktop: "100%", tablet: "768px", phone: "390px" } as const;

export function PreviewPanel({ url, isIsolated }: { url: string; isIsolated: boolean }) {
  const [size, setSize] = useState<keyof typeof sizes>("desktop");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {(Object.keys(sizes) as Array<keyof typeof sizes>).map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={size === key}
            onClick={() => setSize(key)}
            className={`rounded-md border px-2 py-1 ${size === key ? "border-brand-500 text-brand-700 dark:text-brand-400" : "border-zinc-300 dark:border-zinc-700"}`}
          >
            {key}
          </button>
        ))}
        <a href={url} target="_blank" rel="noreferrer noopener" className="ml-auto text-brand-600 dark:text-brand-400 hover:underline" data-testid="preview-url">
          Open in new tab ↗
        </a>
      </div>
      <div className="flex justify-center rounded-lg border border-zinc-200 bg-zinc-100 p-2 dark:border-zinc-800 dark:bg-zinc-900">
        <iframe
          key={url}
          src={url}
          title="App preview"
          // Generated code is untrusted. Same-origin storage is granted only when previews live on
          // their own origin, where it cannot reach the platform's cookies.
          sandbox={isIsolated ? "allow-scripts allow-forms allow-same-origin allow-popups" : "allow-scripts allow-forms"}
          referrerPolicy="no-referrer"
          style={{ width: sizes[size], height: 560 }}
          className="max-w-full rounded bg-white"
        />
      </div>
    </div>
  );
}
