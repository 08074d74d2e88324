"use client";

import type { ReactNode } from "react";
import { DiffLines, type DiffLayout } from "./diff-lines";
import type { FileDiff } from "./diff-rows";
import { formatBytes } from "./format-bytes";
import { languageForPath } from "./languages";
import { ToggleGroup } from "./toggle-group";
import { useMediaQuery } from "./use-media-query";

export type { DiffLayout };

// Side by side needs room for two columns of code; below this the unified view is used.
const SPLIT_MIN_WIDTH = "(min-width: 1024px)";

const layoutOptions = [
  { value: "unified", label: "Unified" },
  { value: "split", label: "Split" },
] as const;

/** One file's line diff between two versions, unified or side by side. */
export function DiffView({
  diff,
  layout,
  onLayoutChange,
  newText,
}: {
  diff: FileDiff;
  layout: DiffLayout;
  onLayoutChange: (layout: DiffLayout) => void;
  /** The whole file on the newer side; when given, collapsed unchanged lines can be expanded. */
  newText?: string;
}) {
  const canSplit = useMediaQuery(SPLIT_MIN_WIDTH);
  const lines = diff.diff.kind === "text" ? diff.diff : null;
  const hasHunks = Boolean(lines?.hunks.length);

  return (
    <div className="min-w-0 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-900">
        <span className="min-w-0 flex-1 truncate font-mono" title={diff.path}>
          {diff.path}
        </span>
        <span className="text-zinc-500 dark:text-zinc-400">
          v{diff.from.number} → v{diff.to.number}
        </span>
        {lines && <ChangeCounts added={lines.added} removed={lines.removed} />}
        {hasHunks && canSplit && <ToggleGroup label="Diff layout" value={layout} options={layoutOptions} onChange={onLayoutChange} />}
      </div>
      <DiffBody diff={diff} layout={canSplit ? layout : "unified"} newText={newText} />
    </div>
  );
}

function ChangeCounts({ added, removed }: { added: number; removed: number }) {
  return (
    <span className="font-mono font-medium">
      <span className="text-emerald-700 dark:text-emerald-400" aria-hidden>
        +{added}
      </span>{" "}
      <span className="text-red-700 dark:text-red-400" aria-hidden>
        −{removed}
      </span>
      <span className="sr-only">
        {added} {added === 1 ? "line" : "lines"} added, {removed} removed
      </span>
    </span>
  );
}

function DiffBody({ diff, layout, newText }: { diff: FileDiff; layout: DiffLayout; newText?: string }) {
  const versions = `v${diff.from.number} and v${diff.to.number}`;
  switch (diff.diff.kind) {
    case "binary": {
      const sizes = [diff.before, diff.after].map((side) => (side ? formatBytes(side.size) : "none")).join(" → ");
      return <DiffNote>Binary file ({sizes}): there are no lines to compare.</DiffNote>;
    }
    case "too-large":
      return <DiffNote>This file is too large to compare line by line.</DiffNote>;
    case "too-complex":
      return <DiffNote>This file changed too much between {versions} to compare line by line.</DiffNote>;
    case "text":
      if (diff.diff.hunks.length === 0) {
        const what = { added: "Added as an empty file.", removed: "An empty file was removed.", modified: "No line changes.", unchanged: `No changes between ${versions}.` };
        return <DiffNote>{what[diff.change]}</DiffNote>;
      }
      return (
        <DiffLines
          // A new diff starts with every unchanged stretch collapsed again.
          key={`${diff.from.id}:${diff.to.id}:${diff.path}`}
          diff={diff.diff}
          caption={`Changes to ${diff.path} from v${diff.from.number} to v${diff.to.number}`}
          fromLabel={`v${diff.from.number}`}
          toLabel={`v${diff.to.number}`}
          language={languageForPath(diff.path)}
          layout={layout}
          newText={newText}
        />
      );
    default: {
      const unknown: never = diff.diff;
      return unknown;
    }
  }
}

function DiffNote({ children }: { children: ReactNode }) {
  return <p className="bg-white px-3 py-6 text-center text-sm text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">{children}</p>;
}

/** The diff's frame with placeholder lines, while it loads. */
export function DiffViewSkeleton() {
  return (
    <div role="status" className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800" aria-busy="true" aria-label="Loading changes">
      <div className="h-8 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
      <div className="space-y-1 bg-white p-2 dark:bg-zinc-950">
        {["", "bg-red-100/70 dark:bg-red-950/50", "bg-emerald-100/70 dark:bg-emerald-950/50", "", ""].map((toneClass, index) => (
          <div key={index} className={`h-4 animate-pulse rounded ${toneClass || "bg-zinc-200/70 dark:bg-zinc-800/70"}`} />
        ))}
      </div>
    </div>
  );
}
