"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState, type ReactNode } from "react";
import { CodeViewer, CodeViewerSkeleton } from "~/components/code/code-viewer";
import { DiffView, DiffViewSkeleton, type DiffLayout } from "~/components/code/diff-view";
import { formatBytes } from "~/components/code/format-bytes";
import { ToggleGroup } from "~/components/code/toggle-group";
import { LoadError } from "~/components/ui/load-error";
import { ancestorFolders, buildFileTree, type TreeNode } from "~/lib/file-tree";
import { useTRPC } from "~/lib/trpc/client";
import type { AppRouter } from "~/server/api/root";
import { MAX_TEXT_BYTES } from "~/server/versions/file-text";

type RouterOutputs = inferRouterOutputs<AppRouter>;
type Version = RouterOutputs["version"]["list"][number];
type ChangeKind = RouterOutputs["version"]["diff"]["changes"][number]["change"];
type View = "code" | "changes";

const changeLook: Record<ChangeKind, { symbol: string; word: string; className: string }> = {
  added: { symbol: "+", word: "added", className: "text-emerald-700 dark:text-emerald-400" },
  modified: { symbol: "~", word: "modified", className: "text-amber-700 dark:text-amber-400" },
  removed: { symbol: "−", word: "removed", className: "text-red-700 dark:text-red-400" },
};

const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";

export function FilesPanel({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.version.list.queryOptions({ projectId }));

  if (versions.isPending) {
    return <div role="status" className="h-48 animate-pulse rounded-lg bg-zinc-200/60 dark:bg-zinc-800/60" aria-busy="true" aria-label="Loading files" />;
  }
  if (versions.isError) return <LoadError what="versions" error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.data.length === 0) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="files-placeholder">
        No versions yet. Files appear here once the first version is built.
      </p>
    );
  }
  return <VersionBrowser versions={versions.data} />;
}

/** The files of one version, and its changes against another: pick either, read code or a line diff. */
function VersionBrowser({ versions }: { versions: Version[] }) {
  const trpc = useTRPC();
  const [selectedVersionId, setSelectedVersionId] = useState<string | null>(null);
  // null: compare with the version's parent, which follows the selected version.
  const [baseVersionId, setBaseVersionId] = useState<string | null>(null);
  const [selectedPath, setSelectedPath] = useState<string | null>(null);
  const [view, setView] = useState<View>("code");
  const [diffLayout, setDiffLayout] = useState<DiffLayout>("unified");

  // Newest by default, so a freshly built version shows up without a click.
  const version = versions.find((item) => item.id === selectedVersionId) ?? versions[0]!;
  const parent =
    versions.find((item) => item.id === version.parentVersionId) ?? versions.find((item) => item.number === version.number - 1);
  const base = versions.find((item) => item.id === baseVersionId && item.id !== version.id) ?? parent;

  const files = useQuery(trpc.version.files.queryOptions({ versionId: version.id }));
  const changes = useQuery(trpc.version.diff.queryOptions(base ? { versionId: version.id, againstVersionId: base.id } : skipToken));
  const changeByPath = new Map(changes.data?.changes.map((change) => [change.path, change.change]));

  const paths = files.data?.files.map((file) => file.path) ?? [];
  const isKnown = (path: string | null): path is string => path !== null && (paths.includes(path) || changeByPath.has(path));
  const path = isKnown(selectedPath) ? selectedPath : (paths.find((item) => item === "index.html") ?? paths[0] ?? null);
  const isInVersion = path !== null && paths.includes(path);
  const change = path === null ? undefined : changeByPath.get(path);
  // A removed file has no code to show in this version, only its diff.
  const shownView: View = change && (view === "changes" || !isInVersion) ? "changes" : "code";

  const file = useQuery(
    trpc.version.file.queryOptions(
      // The diff view also uses the file's text, to expand collapsed unchanged lines.
      path && isInVersion && (shownView === "code" || change === "modified") ? { versionId: version.id, path } : skipToken,
    ),
  );
  const fileDiff = useQuery(
    trpc.version.fileDiff.queryOptions(
      path && base && shownView === "changes" ? { versionId: version.id, againstVersionId: base.id, path } : skipToken,
    ),
  );

  function open(nextPath: string, nextView: View) {
    setSelectedPath(nextPath);
    setView(nextView);
  }

  return (
    <div className="space-y-3" data-testid="files-panel">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          Version
          <select
            value={version.id}
            onChange={(event) => {
              setSelectedVersionId(event.target.value);
              setBaseVersionId(null);
            }}
            className={selectClass}
          >
            {versions.map((item) => (
              <option key={item.id} value={item.id}>
                v{item.number} — {item._count.files} files
              </option>
            ))}
          </select>
        </label>
        {versions.length > 1 && (
          <label className="flex items-center gap-2">
            Compare with
            <select value={base?.id ?? ""} onChange={(event) => setBaseVersionId(event.target.value)} className={selectClass}>
              {!base && <option value="">Choose a version</option>}
              {versions
                .filter((item) => item.id !== version.id)
                .map((item) => (
                  <option key={item.id} value={item.id}>
                    v{item.number}
                    {item.id === parent?.id ? " (parent)" : ""}
                  </option>
                ))}
            </select>
          </label>
        )}
        {version.githubCommitUrl && (
          <a href={version.githubCommitUrl} target="_blank" rel="noreferrer" className="text-brand-600 underline underline-offset-2 dark:text-brand-400" data-testid="version-commit-link">
            GitHub commit ↗
          </a>
        )}
        {version.githubPullRequestUrl && (
          <a href={version.githubPullRequestUrl} target="_blank" rel="noreferrer" className="text-brand-600 underline underline-offset-2 dark:text-brand-400">
            Pull request ↗
          </a>
        )}
      </div>

      {base && (
        <section className="rounded-lg bg-zinc-100 p-3 text-xs dark:bg-zinc-950/60" data-testid="version-diff" aria-label="Changed files">
          {changes.isPending ? (
            <div role="status" className="h-4 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" aria-busy="true" aria-label="Loading changes" />
          ) : changes.isError ? (
            <LoadError what="changes" error={changes.error} onRetry={() => void changes.refetch()} />
          ) : (
            <>
              <p className="font-medium">
                Changes from v{base.number} to v{version.number}: {changes.data.changes.length} file(s)
              </p>
              {changes.data.changes.length > 0 && (
                <ul className="mt-1 max-h-40 space-y-0.5 overflow-y-auto font-mono">
                  {changes.data.changes.map((item) => (
                    <li key={item.path}>
                      <button
                        type="button"
                        onClick={() => open(item.path, "changes")}
                        aria-current={item.path === path && shownView === "changes" ? "true" : undefined}
                        className="w-full truncate rounded px-1 py-0.5 text-left hover:bg-zinc-200 aria-[current=true]:bg-white dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-zinc-800"
                        title={`${item.path} (${changeLook[item.change].word})`}
                      >
                        <ChangeMark change={item.change} /> {item.path}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      )}

      <div className="grid gap-3 md:grid-cols-[14rem_minmax(0,1fr)]">
        <FileList
          paths={paths}
          isLoading={files.isPending}
          error={files.isError ? files.error : null}
          onRetry={() => void files.refetch()}
          selectedPath={path}
          changeByPath={changeByPath}
          onOpen={(nextPath) => open(nextPath, "code")}
        />
        <div className="min-w-0 space-y-2">
          {path && base && (change || !isInVersion) && (
            <ToggleGroup
              label="Show"
              value={shownView}
              onChange={setView}
              options={[
                { value: "code", label: "Code", isDisabled: !isInVersion, title: isInVersion ? undefined : `Not in v${version.number}` },
                { value: "changes", label: "Changes", isDisabled: !change },
              ]}
            />
          )}
          {path === null ? (
            files.isPending ? (
              <CodeViewerSkeleton />
            ) : (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">This version has no files.</p>
            )
          ) : shownView === "changes" ? (
            fileDiff.isError ? (
              <LoadError what="this diff" error={fileDiff.error} onRetry={() => void fileDiff.refetch()} />
            ) : fileDiff.data ? (
              <DiffView
                diff={fileDiff.data}
                layout={diffLayout}
                onLayoutChange={setDiffLayout}
                newText={file.data?.isText ? (file.data.content ?? undefined) : undefined}
              />
            ) : (
              <DiffViewSkeleton />
            )
          ) : file.isError ? (
            <LoadError what={path} error={file.error} onRetry={() => void file.refetch()} />
          ) : file.data ? (
            file.data.isText ? (
              <CodeViewer path={file.data.path} text={file.data.content ?? ""} size={file.data.size} testId="file-content" />
            ) : (
              <p
                className="rounded-lg border border-zinc-200 px-3 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
                data-testid="file-content"
              >
                {file.data.size > MAX_TEXT_BYTES ? "Too large to show" : "Binary file"}, {formatBytes(file.data.size)}
              </p>
            )
          ) : (
            <CodeViewerSkeleton />
          )}
        </div>
      </div>
    </div>
  );
}

function FileList({
  paths,
  isLoading,
  error,
  onRetry,
  selectedPath,
  changeByPath,
  onOpen,
}: {
  paths: string[];
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  selectedPath: string | null;
  changeByPath: ReadonlyMap<string, ChangeKind>;
  onOpen: (path: string) => void;
}) {
  if (error) return <LoadError what="the file list" error={error} onRetry={onRetry} />;
  if (isLoading) {
    return (
      <ul className="space-y-1.5 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800" aria-busy="true" aria-label="Loading files">
        {[80, 60, 70, 50, 65].map((width, index) => (
          <li key={index} className="h-4 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" style={{ width: `${width}%` }} />
        ))}
      </ul>
    );
  }
  return (
    <div className="max-h-60 overflow-y-auto rounded-lg border border-zinc-200 p-1 font-mono text-xs md:max-h-[32rem] dark:border-zinc-800">
      <FileTree paths={paths} selectedPath={selectedPath} changeByPath={changeByPath} onOpen={onOpen} />
    </div>
  );
}

function FileTree({
  paths,
  selectedPath,
  changeByPath,
  onOpen,
}: {
  paths: string[];
  selectedPath: string | null;
  changeByPath: ReadonlyMap<string, ChangeKind>;
  onOpen: (path: string) => void;
}) {
  const tree = useMemo(() => buildFileTree(paths), [paths]);
  // Folders start open (generated apps are small); the reader closes what they don't need.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (folder: string) =>
    setClosed((current) => {
      const next = new Set(current);
      if (!next.delete(folder)) next.add(folder);
      return next;
    });
  const visibleClosed = selectedPath ? new Set([...closed].filter((folder) => !ancestorFolders(selectedPath).includes(folder))) : closed;

  const renderNodes = (nodes: TreeNode[], depth: number): ReactNode =>
    nodes.map((node) => {
      const indent = { paddingLeft: `${depth * 0.75 + 0.5}rem` };
      if (node.kind === "folder") {
        const isOpen = !visibleClosed.has(node.path);
        return (
          <li key={node.path}>
            <button
              type="button"
              onClick={() => toggle(node.path)}
              aria-expanded={isOpen}
              style={indent}
              className="flex w-full items-center gap-1 rounded py-1 pr-2 text-left text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <span aria-hidden className={`inline-block w-3 transition-transform ${isOpen ? "rotate-90" : ""}`}>
                ›
              </span>
              <span className="min-w-0 flex-1 truncate">{node.name}/</span>
            </button>
            {isOpen && <ul>{renderNodes(node.children, depth + 1)}</ul>}
          </li>
        );
      }
      const change = changeByPath.get(node.path);
      return (
        <li key={node.path}>
          <button
            type="button"
            onClick={() => onOpen(node.path)}
            aria-current={node.path === selectedPath ? "true" : undefined}
            title={node.path}
            style={indent}
            className="flex w-full items-center gap-1 rounded py-1 pr-2 text-left hover:bg-zinc-100 aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-700 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-zinc-800 dark:aria-[current=true]:text-brand-100"
          >
            <span aria-hidden className="inline-block w-3" />
            <span className="min-w-0 flex-1 truncate">{node.name}</span>
            {change && <ChangeMark change={change} />}
          </button>
        </li>
      );
    });

  return <ul aria-label="Files">{renderNodes(tree, 0)}</ul>;
}

/** +, ~ or − with the word for screen readers: a change is never told by colour alone. */
function ChangeMark({ change }: { change: ChangeKind }) {
  const look = changeLook[change];
  return (
    <span className={`font-bold ${look.className}`}>
      <span aria-hidden>{look.symbol}</span>
      <span className="sr-only">({look.word})</span>
    </span>
  );
}
