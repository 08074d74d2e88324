import { NextResponse } from "next/server";
import { getMigratedDatabase } from "~/server/db";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";

export const GET = guardRoute(async () => {
  try {
    const database = await getMigratedDatabase();
    await database.prisma.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", database: database.driver.kind });
  } catch (error) {
    console.error("Health check failed:", error);
    return NextResponse.json({ status: "error", message: "Database unavailable" }, { status: 503 });
  }
});
