import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { admitSignInAttempt } from "~/server/auth/sign-in-guard";
import { getAuthOptions } from "~/server/auth/options";
import { getMigratedDatabase } from "~/server/db";
import { clientAddress } from "~/server/http/request-address";
import { appErrorResponse, guardRoute } from "~/server/http/route-guard";
import { ZEmail } from "~/server/validation/common";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * Password sign-ins are admitted here, before NextAuth checks the password, so a refusal can be a
 * real 429 with Retry-After (inside NextAuth it could only be a redirect). The outcome is recorded
 * by the Credentials provider's authorize() in server/auth/options.ts.
 */
async function admitCredentialsSignIn(request: NextRequest): Promise<Response | null> {
  if (request.method !== "POST" || request.nextUrl.pathname !== "/api/auth/callback/credentials") return null;
  const email = ZEmail.safeParse(new URLSearchParams(await request.clone().text()).get("email"));
  if (!email.success) return null; // authorize() refuses it without touching any account
  const { prisma } = await getMigratedDatabase();
  const refusal = await admitSignInAttempt(prisma, { email: email.data, address: clientAddress(request.headers) });
  if (!refusal) return null;
  const response = appErrorResponse(refusal, request.headers.get("x-request-id") ?? undefined);
  // next-auth/react's signIn() reads the error from `url`; the form then shows the message.
  const body = (await response.json()) as Record<string, unknown>;
  const url = new URL("/signin", request.url);
  url.searchParams.set("error", refusal.message);
  return new Response(JSON.stringify({ ...body, url: url.toString() }), { status: response.status, headers: response.headers });
}

const handler = guardRoute<RouteContext>(async (request, context) => {
  const refusal = await admitCredentialsSignIn(request);
  if (refusal) return refusal;
  return NextAuth(request as never, context, getAuthOptions());
});

export { handler as GET, handler as POST };
