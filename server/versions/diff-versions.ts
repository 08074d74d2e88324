import type { Db } from "../db";
import { notFound } from "../errors";

export type FileChange =
  | { path: string; change: "added"; after: string }
  | { path: string; change: "removed"; before: string }
  | { path: string; change: "modified"; before: string; after: string };

/**
 * File-level diff between two versions of the same project: which paths were added, removed
 * or modified (by content hash, so it is exact and cheap — no file contents are read).
 */
export async function diffVersions(db: Db, input: { fromVersionId: string; toVersionId: string }) {
  const [from, to] = await Promise.all(
    [input.fromVersionId, input.toVersionId].map((id) =>
      db.projectVersion.findUnique({
        where: { id },
        select: { id: true, number: true, projectId: true, files: { select: { path: true, blobSha: true } } },
      }),
    ),
  );
  if (!from || !to || from.projectId !== to.projectId) throw notFound("Version");

  const before = new Map(from.files.map((file) => [file.path, file.blobSha]));
  const after = new Map(to.files.map((file) => [file.path, file.blobSha]));
  const changes: FileChange[] = [];
  for (const [path, sha] of after) {
    const previous = before.get(path);
    if (previous === undefined) changes.push({ path, change: "added", after: sha });
    else if (previous !== sha) changes.push({ path, change: "modified", before: previous, after: sha });
  }
  for (const [path, sha] of before) if (!after.has(path)) changes.push({ path, change: "removed", before: sha });
  changes.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { from: { id: from.id, number: from.number }, to: { id: to.id, number: to.number }, changes };
}
