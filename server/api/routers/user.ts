import { signUpRules } from "../../auth/sign-up-rules";
import { env } from "../../env";
import { AppError } from "../../errors";
import { clientAddress } from "../../http/request-address";
import { assertWithinLimit, createLimiter } from "../../rate-limit/limiter";
import { createApiToken, getApiToken, listApiTokens, revokeApiToken } from "../../users/api-tokens";
import { getProfile, updateProfile } from "../../users/profile";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput, ZSignUpInput, ZUpdateProfileInput } from "../../users/schemas";
import { signUpUser } from "../../users/sign-up-user";
import { createTRPCRouter, protectedProcedure, publicProcedure, sessionProcedure } from "../trpc";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ ctx, input }) => {
    if (!env.AUTH_SIGNUP_ENABLED) throw new AppError("FORBIDDEN", "Sign-up is closed on this server. Ask an admin for an account.");
    await assertWithinLimit(createLimiter(ctx.db, signUpRules.perAddress), clientAddress(ctx.headers), "sign-ups");
    const { user } = await signUpUser(ctx.db, input, { setupToken: env.SETUP_TOKEN });
    return user;
  }),

  me: protectedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.user.id)),

  updateProfile: sessionProcedure.input(ZUpdateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.user.id, input)),

  /** The API token this call is made with (null for a browser session): what `epic whoami` and `epic tokens` show. */
  currentApiToken: protectedProcedure.query(({ ctx }) => (ctx.apiToken ? getApiToken(ctx.db, ctx.apiToken.id) : null)),

  // Tokens are managed from a session only: a token can neither list nor mint nor revoke tokens.
  listApiTokens: sessionProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.user.id)),

  createApiToken: sessionProcedure
    .input(ZCreateApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id, ...input })),

  revokeApiToken: sessionProcedure
    .input(ZRevokeApiTokenInput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, { userId: ctx.user.id, tokenId: input.tokenId })),
});
