// NextAuth configuration: email + password (always) and GitHub OAuth (when configured).
// Sessions are JWTs in an httpOnly cookie, which is what the Credentials provider requires.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase, getMigratedDatabase } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { authenticateUser } from "../users/authenticate-user";
import { ZSignInInput } from "../users/schemas";
import { createWorkspace, personalWorkspaceName } from "../workspaces/create-workspace";
import { clientIpFromHeaders } from "./client-ip";
import { createGitHubProvider } from "./github-provider";
import { assertRateLimit, rateLimitRules } from "./rate-limit";

function buildAuthOptions(): AuthOptions {
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { prisma } = await getMigratedDatabase();
        const ip = clientIpFromHeaders(request?.headers ?? {});
        try {
          await assertRateLimit(prisma, `signin:ip:${ip}`, rateLimitRules.signInPerIp);
          await assertRateLimit(prisma, `signin:email:${parsed.data.email}`, rateLimitRules.signIn);
        } catch (error) {
          // NextAuth shows the thrown message to the sign-in form as `error`.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
        return authenticateUser(prisma, parsed.data.email, parsed.data.password);
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(createGitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET, webUrl: env.GITHUB_URL, apiUrl: env.GITHUB_API_URL }));
  }

  return {
    // The adapter stores OAuth users and accounts; @auth/prisma-adapter speaks the same shape as v4's Adapter.
    adapter: PrismaAdapter(getDatabase().prisma) as unknown as Adapter,
    providers,
    secret: env.NEXTAUTH_SECRET ?? "development-only-secret-not-for-production-use",
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // OAuth sign-ups get the same personal workspace as email sign-ups.
      async createUser({ user }) {
        const { prisma } = await getMigratedDatabase();
        // As with email sign-up, the very first account of an install administers the platform.
        const isFirstUser = (await prisma.user.count()) === 1;
        await prisma.user.update({
          where: { id: user.id },
          data: { authProvider: "github", roles: isFirstUser ? ["USER", "ADMIN"] : ["USER"] },
        });
        await createWorkspace(prisma, {
          name: personalWorkspaceName({ name: user.name, email: user.email ?? "" }),
          ownerId: user.id,
          isPersonal: true,
        });
      },
    },
  };
}

let authOptions: AuthOptions | undefined;
export function getAuthOptions(): AuthOptions {
  authOptions ??= buildAuthOptions();
  return authOptions;
}

export const isGitHubAuthEnabled = () => Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
