// The API's input and output types, inferred from the routers so UI types cannot drift from what
// the server returns. Type-only: nothing of the server reaches the browser bundle.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
