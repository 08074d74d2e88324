import type { JsonPreview } from "~/server/executor-admin/to-json-preview";

/** A stored JSON value as sent by the server: a preview, cut at ~10 KB (and saying so). */
export function JsonBlock({ label, value }: { label: string; value: JsonPreview | null }) {
  return (
    <div className="space-y-1">
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</p>
      {value ? (
        <>
          <pre aria-label={label} tabIndex={0} className="max-h-80 overflow-auto rounded-lg bg-zinc-100 p-3 text-xs dark:bg-zinc-950">
            {value.text}
          </pre>
          {value.isTruncated && (
            <p className="text-xs text-amber-700 dark:text-amber-400">
              Truncated: showing the first {value.text.length.toLocaleString("en-US")} of {value.totalChars.toLocaleString("en-US")} characters.
            </p>
          )}
        </>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">None</p>
      )}
    </div>
  );
}
