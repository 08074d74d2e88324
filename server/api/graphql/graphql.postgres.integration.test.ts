// The GraphQL flow and refusals again on PostgreSQL: the same file, with the app's database pointed at a fresh
// PostgreSQL database before any server module loads (see server/testing/flow-database.ts).
import { describe, it } from "vitest";
import { isPostgresFlowEnabled } from "../../testing/flow-database";

if (await isPostgresFlowEnabled()) {
  process.env.EPIC_FLOW_DATABASE = "postgres";
  await import("./graphql.integration.test");
  delete process.env.EPIC_FLOW_DATABASE;
} else {
  describe("The GraphQL flow and refusals on PostgreSQL", () => it.skip("PostgreSQL is not reachable at TEST_POSTGRES_URL (required on CI)", () => {}));
}
