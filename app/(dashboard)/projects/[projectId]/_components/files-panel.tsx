"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc/client";

const changeTone = { added: "text-emerald-600", modified: "text-amber-600", removed: "text-red-600" } as const;

export function FilesPanel({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.version.list.queryOptions({ projectId }));
  const [selectedVersionId, setSelectedVersionId] = useState<string | null>(null);
  const [selectedPath, setSelectedPath] = useState<string | null>(null);
  const list = versions.data ?? [];
  const version = list.find((item) => item.id === selectedVersionId) ?? list[0];
  const previous = version ? list.find((item) => item.number === version.number - 1) : undefined;

  const files = useQuery({ ...trpc.version.files.queryOptions({ versionId: version?.id ?? "" }), enabled: Boolean(version) });
  const diff = useQuery({
    ...trpc.version.diff.queryOptions({ versionId: version?.id ?? "", againstVersionId: previous?.id ?? "" }),
    enabled: Boolean(version && previous),
  });
  const path = selectedPath ?? files.data?.files.find((file) => file.path === "index.html")?.path ?? files.data?.files[0]?.path;
  const file = useQuery({ ...trpc.version.file.queryOptions({ versionId: version?.id ?? "", path: path ?? "" }), enabled: Boolean(version && path) });

  if (list.length === 0) return <p className="text-sm text-zinc-500" data-testid="files-placeholder">No versions yet. Files appear here once the first version is built.</p>;

  return (
    <div className="space-y-3" data-testid="files-panel">
      <label className="flex items-center gap-2 text-sm">
        Version
        <select
          value={version?.id}
          onChange={(event) => {
            setSelectedVersionId(event.target.value);
            setSelectedPath(null);
          }}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {list.map((item) => (
            <option key={item.id} value={item.id}>
              v{item.number} — {item._count.files} files
            </option>
          ))}
        </select>
      </label>
      {previous && diff.data && (
        <div className="rounded-lg bg-zinc-100 p-3 text-xs dark:bg-zinc-900" data-testid="version-diff">
          <p className="font-medium">
            Changes from v{previous.number} to v{version!.number}: {diff.data.changes.length} file(s)
          </p>
          <ul className="mt-1 space-y-0.5 font-mono">
            {diff.data.changes.map((change) => (
              <li key={change.path} className={changeTone[change.change]}>
                {change.change === "added" ? "+" : change.change === "removed" ? "−" : "~"} {change.path}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-3 md:grid-cols-[14rem_minmax(0,1fr)]">
        <ul className="max-h-96 overflow-y-auto rounded-lg border border-zinc-200 p-1 font-mono text-xs dark:border-zinc-800" aria-label="Files">
          {files.data?.files.map((item) => (
            <li key={item.path}>
              <button
                type="button"
                onClick={() => setSelectedPath(item.path)}
                className={`w-full truncate rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800 ${item.path === path ? "bg-brand-50 text-brand-700 dark:bg-zinc-800" : ""}`}
              >
                {item.path}
              </button>
            </li>
          ))}
        </ul>
        <pre className="max-h-96 overflow-auto rounded-lg bg-zinc-950 p-3 text-xs text-zinc-100" data-testid="file-content" aria-label={path ? `Contents of ${path}` : "File contents"}>
          {file.data ? (file.data.isText ? file.data.content : `Binary file, ${file.data.size} bytes`) : "…"}
        </pre>
      </div>
    </div>
  );
}
