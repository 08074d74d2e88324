"use client";

import { useMemo, useState } from "react";
import styles from "./code.module.css";
import { gapLines, layoutDiff, toSplitRows, type DiffLine, type Gap, type TextDiff } from "./diff-rows";
import type { Token } from "./highlighter";
import type { LanguageId } from "./languages";
import { LineText } from "./line-text";
import { splitLines } from "./split-lines";
import { useDiffTokens, type TokensFor } from "./use-diff-tokens";

export type DiffLayout = "unified" | "split";

type Row = { kind: "line"; line: DiffLine } | { kind: "gap"; gap: Gap };

/** The hunks of a text diff as a table, unified or side by side, with expandable unchanged stretches. */
export function DiffLines({
  diff,
  caption,
  fromLabel,
  toLabel,
  language,
  layout,
  newText,
}: {
  diff: TextDiff;
  caption: string;
  fromLabel: string;
  toLabel: string;
  language: LanguageId | null;
  layout: DiffLayout;
  newText?: string;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const newLines = useMemo(() => (newText === undefined ? null : splitLines(newText)), [newText]);
  // Only trust the full text when it is the text the diff was made against.
  const expandFrom = newLines && newLines.length === diff.newLineCount ? newLines : null;

  const rows = useMemo(
    () =>
      layoutDiff(diff).flatMap((block): Row[] => {
        if (block.kind === "hunk") return block.hunk.lines.map((line) => ({ kind: "line", line }));
        if (expandFrom && expanded.has(block.gap.key)) return gapLines(block.gap, expandFrom).map((line) => ({ kind: "line", line }));
        return [{ kind: "gap", gap: block.gap }];
      }),
    [diff, expandFrom, expanded],
  );
  const visibleLines = useMemo(() => rows.flatMap((row) => (row.kind === "line" ? [row.line] : [])), [rows]);
  const tokensFor = useDiffTokens(visibleLines, language);
  const gutterWidth = `calc(${String(Math.max(diff.oldLineCount, diff.newLineCount)).length}ch + 1rem)`;
  const expand = expandFrom ? (gap: Gap) => setExpanded((keys) => new Set(keys).add(gap.key)) : null;

  return (
    <div role="region" aria-label={caption} tabIndex={0} className={`${styles.code} max-h-[32rem] overflow-auto bg-white dark:bg-zinc-950`}>
      {layout === "split" ? (
        <SplitTable rows={rows} caption={caption} fromLabel={fromLabel} toLabel={toLabel} gutterWidth={gutterWidth} tokensFor={tokensFor} onExpand={expand} />
      ) : (
        <UnifiedTable rows={rows} caption={caption} fromLabel={fromLabel} toLabel={toLabel} gutterWidth={gutterWidth} tokensFor={tokensFor} onExpand={expand} />
      )}
    </div>
  );
}

type TableProps = {
  rows: Row[];
  caption: string;
  fromLabel: string;
  toLabel: string;
  gutterWidth: string;
  tokensFor: TokensFor;
  onExpand: ((gap: Gap) => void) | null;
};

const tone = {
  added: { row: "bg-emerald-50 dark:bg-emerald-950/40", gutter: "bg-emerald-100/70 dark:bg-emerald-900/30", marker: "text-emerald-700 dark:text-emerald-400" },
  removed: { row: "bg-red-50 dark:bg-red-950/40", gutter: "bg-red-100/70 dark:bg-red-900/30", marker: "text-red-700 dark:text-red-400" },
  context: { row: "", gutter: "", marker: "" },
} as const;

const gutterCell = "px-2 text-right align-top text-zinc-500 select-none dark:text-zinc-400";
const markerCell = "w-6 px-1 text-center align-top select-none";
const codeCell = "pr-3 align-top whitespace-pre-wrap wrap-anywhere";
const tableClass = "w-full table-fixed border-collapse font-mono text-xs leading-5 text-zinc-800 dark:text-zinc-200";

function UnifiedTable({ rows, caption, fromLabel, toLabel, gutterWidth, tokensFor, onExpand }: TableProps) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col style={{ width: gutterWidth }} />
        <col style={{ width: gutterWidth }} />
        <col className="w-6" />
        <col />
      </colgroup>
      <thead className="sr-only">
        <tr>
          <th scope="col">Line in {fromLabel}</th>
          <th scope="col">Line in {toLabel}</th>
          <th scope="col">Change</th>
          <th scope="col">Code</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.kind === "gap" ? (
            <GapRow key={row.gap.key} gap={row.gap} columns={4} onExpand={onExpand} />
          ) : (
            <tr key={`${row.line.oldLine}:${row.line.newLine}`} className={tone[row.line.kind].row}>
              <td data-line-number={row.line.oldLine ?? undefined} className={`${gutterCell} ${tone[row.line.kind].gutter}`} />
              <td data-line-number={row.line.newLine ?? undefined} className={`${gutterCell} ${tone[row.line.kind].gutter}`} />
              <td className={`${markerCell} ${tone[row.line.kind].marker}`}>
                <Marker kind={row.line.kind} />
              </td>
              <td className={codeCell}>
                <CodeText line={row.line} tokens={tokensFor(row.line)} />
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function SplitTable({ rows, caption, fromLabel, toLabel, gutterWidth, tokensFor, onExpand }: TableProps) {
  const splitRows = useMemo(() => {
    // Pair changes within each run of lines; gaps stay full-width rows between runs.
    const result: Array<{ kind: "gap"; gap: Gap } | { kind: "pair"; left: DiffLine | null; right: DiffLine | null }> = [];
    let run: DiffLine[] = [];
    const flush = () => {
      for (const pair of toSplitRows(run)) result.push({ kind: "pair", ...pair });
      run = [];
    };
    for (const row of rows) {
      if (row.kind === "line") {
        run.push(row.line);
      } else {
        flush();
        result.push(row);
      }
    }
    flush();
    return result;
  }, [rows]);

  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col style={{ width: gutterWidth }} />
        <col className="w-6" />
        <col />
        <col style={{ width: gutterWidth }} />
        <col className="w-6" />
        <col />
      </colgroup>
      <thead className="sr-only">
        <tr>
          <th scope="col">Line in {fromLabel}</th>
          <th scope="col">Change</th>
          <th scope="col">Code in {fromLabel}</th>
          <th scope="col">Line in {toLabel}</th>
          <th scope="col">Change</th>
          <th scope="col">Code in {toLabel}</th>
        </tr>
      </thead>
      <tbody>
        {splitRows.map((row) =>
          row.kind === "gap" ? (
            <GapRow key={row.gap.key} gap={row.gap} columns={6} onExpand={onExpand} />
          ) : (
            <tr key={`${row.left?.oldLine}:${row.right?.newLine}`}>
              <SplitSide line={row.left} lineNumber={row.left?.oldLine ?? null} tokens={row.left ? tokensFor(row.left) : undefined} />
              <SplitSide
                line={row.right}
                lineNumber={row.right?.newLine ?? null}
                tokens={row.right ? tokensFor(row.right) : undefined}
                isRight
              />
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function SplitSide({ line, lineNumber, tokens, isRight = false }: { line: DiffLine | null; lineNumber: number | null; tokens: Token[] | undefined; isRight?: boolean }) {
  const divider = isRight ? "border-l border-zinc-200 dark:border-zinc-800" : "";
  if (!line) {
    return <td colSpan={3} className={`bg-zinc-50 dark:bg-zinc-900/50 ${divider}`} />;
  }
  const look = tone[line.kind];
  return (
    <>
      <td data-line-number={lineNumber ?? undefined} className={`${gutterCell} ${look.gutter} ${divider}`} />
      <td className={`${markerCell} ${look.row} ${look.marker}`}>
        <Marker kind={line.kind} />
      </td>
      <td className={`${codeCell} ${look.row}`}>
        <CodeText line={line} tokens={tokens} />
      </td>
    </>
  );
}

/** The +/− gutter symbol, so a change never depends on colour alone; screen readers hear a word. */
function Marker({ kind }: { kind: DiffLine["kind"] }) {
  if (kind === "context") return null;
  return (
    <>
      <span aria-hidden>{kind === "added" ? "+" : "−"}</span>
      <span className="sr-only">{kind === "added" ? "Added" : "Removed"}</span>
    </>
  );
}

function CodeText({ line, tokens }: { line: DiffLine; tokens: Token[] | undefined }) {
  return (
    <>
      <LineText text={line.text} tokens={tokens} />
      {line.noNewlineAtEnd && (
        <span className="ml-2 rounded bg-zinc-200 px-1 font-sans text-[10px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          No newline at end of file
        </span>
      )}
    </>
  );
}

function GapRow({ gap, columns, onExpand }: { gap: Gap; columns: number; onExpand: ((gap: Gap) => void) | null }) {
  const label = `${gap.count} unchanged ${gap.count === 1 ? "line" : "lines"}`;
  return (
    <tr className="bg-zinc-100 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
      <td colSpan={columns} className="px-3 py-1 font-sans">
        {onExpand ? (
          <button type="button" onClick={() => onExpand(gap)} className="rounded px-1 hover:text-zinc-900 hover:underline dark:hover:text-zinc-100">
            <span aria-hidden>↕ </span>Show {label}
          </button>
        ) : (
          <span>
            <span aria-hidden>⋯ </span>
            {label}
          </span>
        )}
      </td>
    </tr>
  );
}
