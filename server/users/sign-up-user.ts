import type { Db } from "../db";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { createWorkspace, personalWorkspaceName } from "../workspaces/create-workspace";
import type { TSignUpInput } from "./schemas";

/** Registers an email + password user with a personal workspace they own. */
export async function signUpUser(db: Db, input: TSignUpInput) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name ?? null, passwordHash, authProvider: "credentials" },
        select: { id: true, email: true, name: true },
      });
      const workspace = await createWorkspace(tx, { name: personalWorkspaceName(user), ownerId: user.id, isPersonal: true });
      return { user, workspace };
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same clear message.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
