import { inngest } from "../../inngest/client";

/** Sends an event to the functions: Inngest's client in the app, a stand-in bound to a test database in tests. */
export type SendEvent = (event: { name: string; data: Record<string, unknown>; id?: string }) => Promise<unknown>;

export const sendWithInngest: SendEvent = (event) => inngest.send(event as Parameters<typeof inngest.send>[0]);
