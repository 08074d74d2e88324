// NextAuth configuration: email + password (always) and GitHub OAuth (when configured).
// Sessions are JWTs in an httpOnly cookie, which is what the Credentials provider requires.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase, getMigratedDatabase, type Db } from "../db";
import { env } from "../env";
import { clientAddress } from "../http/request-address";
import { authenticateUser } from "../users/authenticate-user";
import { ZSignInInput } from "../users/schemas";
import { createWorkspace, personalWorkspaceName } from "../workspaces/create-workspace";
import { createGitHubProvider } from "./github-provider";
import { recordSignInResult } from "./sign-in-guard";
import { resolveSessionSecret } from "./session-secret";

/**
 * Whether an OAuth sign-in may go on: people who already have an account (linked, or the same
 * email, which NextAuth then refuses as not linked) always; new people only while sign-up is open.
 */
export async function isOAuthSignInAllowed(
  db: Db,
  input: { provider: string; providerAccountId: string; email: string | null | undefined },
  isSignUpEnabled: boolean,
): Promise<boolean> {
  if (isSignUpEnabled) return true;
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { id: true },
  });
  if (account) return true;
  return !!input.email && !!(await db.user.findUnique({ where: { email: input.email.toLowerCase() }, select: { id: true } }));
}

/** Cookies marked Secure (and __Secure-/__Host- prefixed) whenever the public URL is HTTPS. */
export function shouldUseSecureCookies(publicUrl: string | undefined): boolean {
  return !!publicUrl && new URL(publicUrl).protocol === "https:";
}

function buildAuthOptions(): AuthOptions {
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { prisma } = await getMigratedDatabase();
        // The attempt was admitted (and counted) by the route before NextAuth ran: see
        // app/api/auth/[...nextauth]/route.ts. Here only its outcome is recorded.
        const attempt = { email: parsed.data.email, address: clientAddress(request?.headers ?? {}) };
        const user = await authenticateUser(prisma, parsed.data.email, parsed.data.password);
        await recordSignInResult(prisma, attempt, user !== null);
        return user;
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
    secret: resolveSessionSecret(env),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: shouldUseSecureCookies(env.NEXTAUTH_URL),
    pages: { signIn: "/signin" },
    callbacks: {
      async signIn({ account, user }) {
        if (!account || account.type !== "oauth") return true;
        const { prisma } = await getMigratedDatabase();
        const isAllowed = await isOAuthSignInAllowed(
          prisma,
          { provider: account.provider, providerAccountId: account.providerAccountId, email: user.email },
          env.AUTH_SIGNUP_ENABLED,
        );
        // NextAuth sends a refused sign-in to the sign-in page with ?error=AccessDenied.
        return isAllowed;
      },
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
        // As with email sign-up, the very first account of an install administers the platform,
        // unless a setup token guards that (a GitHub sign-up cannot present one).
        const isFirstUser = !env.SETUP_TOKEN && (await prisma.user.count()) === 1;
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
