// Test fixtures built through the same domain functions and procedures the app uses.
import { createCaller } from "../api/root";
import { createTRPCContext, type ContextUser } from "../api/trpc";
import type { Db } from "../db";
import type { SendEvent } from "../pipeline/send-event";
import { signUpUser } from "../users/sign-up-user";

let counter = 0;

/** A signed-up user (with their personal workspace) and a tRPC caller acting as them. */
export async function createTestUser(db: Db, name = "user") {
  const email = `${name}-${Date.now()}-${counter++}@example.test`;
  const { user, workspace } = await signUpUser(db, { email, password: "password-123", name });
  const contextUser: ContextUser = { id: user.id, email: user.email, name: user.name, image: null };
  return { user, workspace, api: await callerAs(db, contextUser) };
}

/** Events the procedures sent, for tests that do not run the functions themselves. */
export const sentEvents: Array<{ name: string; data: Record<string, unknown> }> = [];
const recordEvent: SendEvent = async (event) => {
  sentEvents.push(event);
};

export async function callerAs(db: Db, user: ContextUser | null, headers: Record<string, string> = {}, sendEvent: SendEvent = recordEvent) {
  const context = await createTRPCContext({ db, headers: new Headers(headers), getSessionUser: async () => user, sendEvent });
  return createCaller(context);
}
