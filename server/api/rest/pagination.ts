// Cursor pagination for the REST API's lists: `?limit=N&cursor=…` in, `{ items, nextCursor }` out.
// A cursor is opaque to clients (base64url JSON of the last item's id and the list it came from),
// so the keyset behind it can change without breaking them; a cursor that does not decode, or that
// belongs to another list, is a 400 naming `cursor`.
import { z } from "zod";
import { AppError } from "../../errors";
import { ZQueryInt } from "./query-params";

type CursorPayload = { list: string; id: string };

export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify([payload.list, payload.id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): CursorPayload | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2 || !value.every((part) => typeof part === "string" && part.length > 0 && part.length <= 200)) return null;
    return { list: value[0] as string, id: value[1] as string };
  } catch {
    return null;
  }
}

export const ZCursor = z
  .string()
  .max(400)
  .refine((cursor) => decodeCursor(cursor) !== null, { message: "Invalid cursor: pass the nextCursor of a previous page unchanged" })
  .meta({ description: "The `nextCursor` of the previous page; omit for the first page." });

/** Query parameters every list takes. */
export const pageParams = {
  cursor: ZCursor.optional(),
  limit: ZQueryInt({ min: 1, max: 100, default: 20 }),
};

export function ZPage<Item extends z.ZodType>(item: Item, name: string) {
  return z
    .object({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }) })
    .meta({ id: name });
}

/** The id a cursor points after, checked to belong to `list` (e.g. `runs:<projectId>`). */
export function cursorId(cursor: string | undefined, list: string): string | undefined {
  if (cursor === undefined) return undefined;
  const payload = decodeCursor(cursor);
  if (!payload || payload.list !== list) throw new AppError("BAD_REQUEST", "Invalid cursor: it belongs to another list");
  return payload.id;
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says there is more. */
export function toPage<Item extends { id: string }>(rows: Item[], limit: number, list: string) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore && items.length > 0 ? encodeCursor({ list, id: items.at(-1)!.id }) : null };
}

/** Pages a short list that is read whole anyway (a user's workspaces, a workspace's members, a user's tokens). */
export function pageOfList<Item extends { id: string }>(all: Item[], page: { cursor?: string; limit: number }, list: string) {
  const after = cursorId(page.cursor, list);
  const start = after === undefined ? 0 : all.findIndex((item) => item.id === after) + 1;
  if (after !== undefined && start === 0) return { items: [], nextCursor: null };
  return toPage(all.slice(start, start + page.limit + 1), page.limit, list);
}
