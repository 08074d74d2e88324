import NextAuth from "next-auth";
import { getAuthOptions } from "~/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context, getAuthOptions());
}

export { handler as GET, handler as POST };
