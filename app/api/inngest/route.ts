// The Inngest serve endpoint. Inngest Cloud / a self-hosted server calls it over HTTP; the
// embedded executor calls these same handlers in-process, signed (server/executor).
import { serve } from "inngest/next";
import { functions } from "~/inngest/functions";
import { inngest } from "~/inngest/client";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
