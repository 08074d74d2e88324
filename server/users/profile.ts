import type { Db } from "../db";

/** The signed-in user's own account, as the dashboard shows it. */
export function getProfile(db: Db, userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, image: true, authProvider: true, createdAt: true },
  });
}

export function updateProfile(db: Db, userId: string, input: { name: string }) {
  return db.user.update({ where: { id: userId }, data: { name: input.name }, select: { id: true, name: true } });
}
