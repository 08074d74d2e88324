// The Inngest serve endpoint. Inngest Cloud / a self-hosted server calls it over HTTP; the
// embedded executor calls the same handler in-process, signed (inngest/serve-handler.ts).
import { routeHandlers } from "~/inngest/serve-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const { GET, POST, PUT } = routeHandlers;
