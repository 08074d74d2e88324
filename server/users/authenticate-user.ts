import type { Db } from "../db";
import { getDecoyHash, verifyPassword } from "../auth/password";

/** Returns the user when the email and password match, otherwise null (never says which part was wrong). */
export async function authenticateUser(db: Db, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true },
  });
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await getDecoyHash()));
  if (!user?.passwordHash || !isValid) return null;
  const { passwordHash: _omit, ...publicUser } = user;
  return publicUser;
}
