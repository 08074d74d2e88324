// Liveness: the process is up and answering. Deliberately touches nothing else (no database, no
// browser), so a database outage never makes an orchestrator restart healthy instances; whether
// the instance can serve is /api/ready's question.
import { NextResponse } from "next/server";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";

export const GET = guardRoute(async () =>
  NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } }),
);
