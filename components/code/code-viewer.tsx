"use client";

import { useMemo, useState } from "react";
import styles from "./code.module.css";
import { CopyButton } from "./copy-button";
import { languageForPath } from "./languages";
import { LineText } from "./line-text";
import { splitLines } from "./split-lines";
import { formatBytes } from "./format-bytes";
import { useHighlightedLines } from "./use-highlighted-lines";

/**
 * A file's text with line numbers, a copy button and optional wrapping. The plain text shows at
 * once; Shiki's colours replace it span for span when they arrive, so nothing moves.
 */
export function CodeViewer({ path, text, size, testId }: { path: string; text: string; size?: number; testId?: string }) {
  const [isWrapped, setIsWrapped] = useState(false);
  const lines = useMemo(() => splitLines(text), [text]);
  const highlighted = useHighlightedLines(text, languageForPath(path));
  // Shiki splits lines the same way; if it ever did not, plain text beats misplaced colours.
  const tokens = highlighted && highlighted.length >= lines.length ? highlighted : null;
  const gutterWidth = `calc(${String(lines.length).length}ch + 1.5rem)`;

  return (
    <div className="min-w-0 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-900">
        <span className="min-w-0 flex-1 truncate font-mono" title={path}>
          {path}
        </span>
        <span className="text-zinc-500 dark:text-zinc-400">
          {lines.length} {lines.length === 1 ? "line" : "lines"}
          {size !== undefined && ` · ${formatBytes(size)}`}
        </span>
        <button
          type="button"
          aria-pressed={isWrapped}
          onClick={() => setIsWrapped((value) => !value)}
          className="rounded px-2 py-0.5 font-medium text-zinc-600 hover:bg-zinc-200 aria-pressed:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-800"
        >
          Wrap
        </button>
        <CopyButton text={text} label={`Copy ${path}`} />
      </div>
      <pre
        role="region"
        tabIndex={0}
        data-testid={testId}
        data-highlighted={tokens ? "true" : undefined}
        aria-label={`Contents of ${path}`}
        className={`${styles.code} max-h-[28rem] overflow-auto bg-white py-2 font-mono text-xs leading-5 text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200`}
      >
        {lines.length === 0 ? (
          <span className="px-3 text-zinc-500 dark:text-zinc-400">Empty file</span>
        ) : (
          <code className={isWrapped ? "block" : "block w-max min-w-full"}>
            {lines.map((line, index) => (
              <span key={index} className="flex">
                <span
                  data-line-number={index + 1}
                  style={{ width: gutterWidth }}
                  className="sticky left-0 shrink-0 bg-white px-3 text-right text-zinc-500 select-none dark:bg-zinc-950 dark:text-zinc-400"
                />
                <span className={isWrapped ? "min-w-0 flex-1 pr-3 whitespace-pre-wrap wrap-anywhere" : "pr-3 whitespace-pre"}>
                  <LineText text={line} tokens={tokens?.[index]} />
                </span>
              </span>
            ))}
          </code>
        )}
      </pre>
    </div>
  );
}

/** The viewer's frame with placeholder lines, while the file loads. */
export function CodeViewerSkeleton() {
  return (
    <div role="status" className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800" aria-busy="true" aria-label="Loading file">
      <div className="h-8 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
      <div className="space-y-2 bg-white p-3 dark:bg-zinc-950">
        {[70, 45, 85, 60, 30, 75].map((width, index) => (
          <div key={index} className="h-3 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" style={{ width: `${width}%` }} />
        ))}
      </div>
    </div>
  );
}
