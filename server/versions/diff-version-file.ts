import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { decodeFileText, type FileText } from "./file-text";
import { diffText, type LineDiff } from "./line-diff";
import { readVersionFile } from "./read-version";

export type FileLineDiff =
  | ({ kind: "text" } & LineDiff)
  | { kind: "binary" }
  | { kind: "too-large" }
  /** The diff took too long to compute (very many scattered changes). */
  | { kind: "too-complex" };

export type FileChangeKind = "added" | "removed" | "modified" | "unchanged";

type StoredFile = NonNullable<Awaited<ReturnType<typeof readVersionFile>>>;

/**
 * One file's line diff from `fromVersionId` to `toVersionId`, two versions of the same project.
 * The file may exist on one side only (added or removed): the missing side diffs as empty.
 */
export async function diffVersionFile(db: Db, input: { fromVersionId: string; toVersionId: string; path: string }) {
  const [from, to] = await Promise.all(
    [input.fromVersionId, input.toVersionId].map((id) =>
      db.projectVersion.findUnique({ where: { id }, select: { id: true, number: true, projectId: true } }),
    ),
  );
  // A version of another project (or workspace) is answered as missing, so ids reveal nothing.
  if (!from || !to || from.projectId !== to.projectId) throw notFound("Version");

  const [before, after] = await Promise.all([readVersionFile(db, from.id, input.path), readVersionFile(db, to.id, input.path)]);
  if (!before && !after) throw new AppError("NOT_FOUND", `No file ${input.path} in v${from.number} or v${to.number}`);

  const change: FileChangeKind = !before ? "added" : !after ? "removed" : before.sha === after.sha ? "unchanged" : "modified";
  return {
    path: input.path,
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    change,
    before: before && { size: before.size, sha: before.sha },
    after: after && { size: after.size, sha: after.sha },
    diff: diffStoredFiles(before, after),
  };
}

function diffStoredFiles(before: StoredFile | null, after: StoredFile | null): FileLineDiff {
  const textOf = (file: StoredFile | null): FileText => (file ? decodeFileText(file.content) : { kind: "text", text: "" });
  const old = textOf(before);
  const current = textOf(after);
  // Binary wins over too-large: it says more about why no text can be shown.
  if (old.kind === "binary" || current.kind === "binary") return { kind: "binary" };
  if (old.kind === "too-large" || current.kind === "too-large") return { kind: "too-large" };
  const lines = diffText(old.text, current.text);
  return lines ? { kind: "text", ...lines } : { kind: "too-complex" };
}
