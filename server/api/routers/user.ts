import { clientIpFromHeaders } from "../../auth/client-ip";
import { assertRateLimit, rateLimitRules } from "../../auth/rate-limit";
import { env } from "../../env";
import { AppError } from "../../errors";
import { createApiToken, listApiTokens, revokeApiToken } from "../../users/api-tokens";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput, ZSignUpInput, ZUpdateProfileInput } from "../../users/schemas";
import { signUpUser } from "../../users/sign-up-user";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ ctx, input }) => {
    if (!env.AUTH_SIGNUP_ENABLED) throw new AppError("FORBIDDEN", "Sign-up is closed on this server. Ask an admin for an account.");
    await assertRateLimit(ctx.db, `signup:ip:${clientIpFromHeaders(ctx.headers)}`, rateLimitRules.signUpPerIp);
    const { user } = await signUpUser(ctx.db, input);
    return user;
  }),

  me: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, email: true, name: true, image: true, authProvider: true, createdAt: true },
    }),
  ),

  updateProfile: protectedProcedure.input(ZUpdateProfileInput).mutation(({ ctx, input }) =>
    ctx.db.user.update({ where: { id: ctx.user.id }, data: { name: input.name }, select: { id: true, name: true } }),
  ),

  listApiTokens: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.user.id)),

  createApiToken: protectedProcedure
    .input(ZCreateApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id, ...input })),

  revokeApiToken: protectedProcedure
    .input(ZRevokeApiTokenInput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, { userId: ctx.user.id, tokenId: input.tokenId })),
});
