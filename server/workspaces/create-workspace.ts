import { randomBytes } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db";

type Tx = Prisma.TransactionClient | Db;

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "workspace";
}

/** Creates a workspace with `ownerId` as its OWNER. The slug gets a random suffix, so names need not be unique. */
export async function createWorkspace(tx: Tx, input: { name: string; ownerId: string; isPersonal?: boolean }) {
  const slug = `${slugify(input.name)}-${randomBytes(3).toString("hex")}`;
  return tx.workspace.create({
    data: {
      name: input.name,
      slug,
      isPersonal: input.isPersonal ?? false,
      memberships: { create: { userId: input.ownerId, role: "OWNER" } },
    },
  });
}

export function personalWorkspaceName(user: { name?: string | null; email: string }): string {
  const who = user.name?.trim() || user.email.split("@")[0] || "My";
  return `${who}'s workspace`;
}
