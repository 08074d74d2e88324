// The one Inngest client of the app.
//
// Where the functions run is decided by the environment (server/executor/embedded/inngest-mode.ts):
// Inngest Cloud or a self-hosted Inngest server when INNGEST_* variables are set, else our
// embedded executor. Functions are written the same either way. The events they send and
// receive are defined in server/events/inngest-events.ts.
import { Inngest } from "inngest";
import { env } from "../server/env";
import { inngestConnectionOptions } from "../server/executor";

export const inngest = new Inngest({ id: "epic-ai-dev", ...inngestConnectionOptions(env) });
