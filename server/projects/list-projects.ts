import type { Db } from "../db";
import type { TListProjectsInput } from "./schemas";

export const projectSummarySelect = {
  id: true,
  name: true,
  originalPrompt: true,
  status: true,
  liveUrls: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, name: true, email: true } },
  // The run that made the live version: a project whose live app has gaps is never shown as plain Ready.
  liveVersion: { select: { run: { select: { status: true } } } },
} as const;

/** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while projects are added. */
export async function listProjects(db: Db, input: TListProjectsInput) {
  const items = await db.project.findMany({
    where: { workspaceId: input.workspaceId, ...(input.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: projectSummarySelect,
  });
  const hasMore = items.length > input.limit;
  const page = hasMore ? items.slice(0, input.limit) : items;
  return { items: page, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
