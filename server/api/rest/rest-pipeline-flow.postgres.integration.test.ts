// The REST flow with the real pipeline again on PostgreSQL: the same file, with the app's database pointed at a fresh
// PostgreSQL database before any server module loads (see server/testing/flow-database.ts).
import { describe, it } from "vitest";
import { isPostgresFlowEnabled } from "../../testing/flow-database";

if (await isPostgresFlowEnabled()) {
  process.env.EPIC_FLOW_DATABASE = "postgres";
  await import("./rest-pipeline-flow.test");
  delete process.env.EPIC_FLOW_DATABASE;
} else {
  describe("The REST flow with the real pipeline on PostgreSQL", () => it.skip("PostgreSQL is not reachable at TEST_POSTGRES_URL (required on CI)", () => {}));
}
