import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../users/api-tokens";
import { ZApiTokenView, ZCreateApiTokenInput, ZCreatedApiToken, ZRevokeApiTokenInput } from "../../../users/schemas";
import { createTRPCRouter, sessionProcedure } from "../../trpc";
import { pageOfList, pageParams, ZPage } from "../pagination";

const tags = ["API tokens"];
const sessionOnly = "A browser session only: an API token can neither list, mint nor revoke tokens.";

export const restTokensRouter = createTRPCRouter({
  list: sessionProcedure
    .meta({ openapi: { method: "GET", path: "/tokens", tags, summary: "Your API tokens that still work", description: sessionOnly } })
    .input(z.object(pageParams))
    .output(ZPage(ZApiTokenView, "ApiTokenPage"))
    .query(async ({ ctx, input }) => pageOfList(await listApiTokens(ctx.db, ctx.user.id), input, `tokens:${ctx.user.id}`)),

  create: sessionProcedure
    .meta({
      openapi: { method: "POST", path: "/tokens", tags, summary: "Create an API token (its secret is shown once)", description: sessionOnly, successDescription: "Created" },
    })
    .input(ZCreateApiTokenInput)
    .output(ZCreatedApiToken)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id, ...input })),

  revoke: sessionProcedure
    .meta({ openapi: { method: "DELETE", path: "/tokens/{tokenId}", tags, summary: "Revoke an API token", description: sessionOnly } })
    .input(ZRevokeApiTokenInput)
    .output(z.object({ tokenId: z.string(), isRevoked: z.literal(true) }).meta({ id: "RevokedApiToken" }))
    .mutation(async ({ ctx, input }) => {
      await revokeApiToken(ctx.db, { userId: ctx.user.id, tokenId: input.tokenId });
      return { tokenId: input.tokenId, isRevoked: true as const };
    }),
});
