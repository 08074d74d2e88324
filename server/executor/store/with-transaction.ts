// Interactive transactions with a retry when PostgreSQL aborts one to break a deadlock or a
// serialization conflict (possible when several workers share one database).
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

export type Tx = Prisma.TransactionClient;

export function isRetriableConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === "P2034" || /deadlock detected|could not serialize|40P01|40001/i.test(error.message);
}

export async function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
    } catch (error) {
      if (attempt >= 5 || !isRetriableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
