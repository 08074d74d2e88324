/** The platform's health for administrators: the admin health page (data in server/observability). */
import { getOperationsHealth } from "../../observability/get-operations-health";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const operationsRouter = createTRPCRouter({
  health: adminProcedure.query(({ ctx }) => getOperationsHealth(ctx.db)),
});
