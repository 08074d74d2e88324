// The layer rules (eslint/layers.mjs) fire: each fixture is linted by ESLint's Node API with the
// repository's own config, at a path inside the layer it tests, and must fail with that layer's
// rule, while the same file with an allowed import passes. So a wrong import fails `npm run lint`.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer rule's messages for `code` linted as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === "layers/imports").map((message) => message.message);
}

const cases: Array<{ layer: string; file: string; forbidden: string; allowed: string }> = [
  { layer: "model layer", file: "server/llm/fixture.ts", forbidden: 'import { runQaAgent } from "../agents/qa-agent";', allowed: 'import { ZPlan } from "../plan/plan-schema";' },
  { layer: "model layer", file: "server/llm/offline/fixture.ts", forbidden: 'import { runAgentTask } from "~/server/pipeline/run-agent-task";', allowed: 'import { agentNames } from "~/server/plan/agent-names";' },
  { layer: "agents", file: "server/agents/fixture.ts", forbidden: 'import { runPipelineStep } from "../pipeline/pipeline-steps";', allowed: 'import { createAgentModel } from "../llm";' },
  { layer: "pipeline", file: "server/pipeline/fixture.ts", forbidden: 'import { functions } from "~/inngest/functions";', allowed: 'import { inngest } from "~/inngest/client";' },
  { layer: "inngest functions", file: "inngest/functions/fixture.ts", forbidden: 'import { runQaAgent } from "~/server/agents/qa-agent";', allowed: 'import { runPipelineStep } from "~/server/pipeline/pipeline-steps";' },
  { layer: "executor", file: "server/executor/worker/fixture.ts", forbidden: 'import { markRunFinished } from "../../runs/run-lifecycle";', allowed: 'import type { Db } from "../../db/client";' },
  { layer: "executor", file: "server/executor/fixture.ts", forbidden: 'import type { TPlan } from "~/server/plan/plan-schema";', allowed: 'import { createId } from "./store/create-id";' },
  { layer: "leaf contracts", file: "server/plan/fixture.ts", forbidden: 'import { env } from "../env";', allowed: 'import type { RunStatus } from "../db/generated/enums";' },
  { layer: "leaf contracts", file: "server/events/fixture.ts", forbidden: 'import { appendRunEvent } from "../runs/append-run-event";', allowed: 'import type { TPlan } from "../plan/plan-schema";' },
  { layer: "domain", file: "server/runs/fixture.ts", forbidden: 'import { appRouter } from "../api/root";', allowed: 'import { requestRunCancellation } from "../pipeline/start-run";' },
  { layer: "api", file: "server/api/routers/fixture.ts", forbidden: 'import { runQaAgent } from "../../agents/qa-agent";', allowed: 'import { listProjects } from "../../projects/list-projects";' },
  { layer: "pages", file: "app/(dashboard)/fixture/page.tsx", forbidden: 'import { listProjects } from "~/server/projects/list-projects";', allowed: 'import { getServerApi } from "~/lib/trpc/server";' },
  { layer: "client code", file: "components/fixture.tsx", forbidden: 'import { getDatabase } from "~/server/db";', allowed: 'import type { AppRouter } from "~/server/api/root";' },
  { layer: "client code", file: "lib/hooks/fixture.ts", forbidden: '"use client";\nimport { getServerApi } from "~/lib/trpc/server";', allowed: '"use client";\nimport { runStatusLabels } from "~/server/events/run-statuses";' },
  { layer: "client code", file: "app/(dashboard)/fixture/_components/form.tsx", forbidden: '"use client";\nimport { env } from "~/server/env";', allowed: '"use client";\nimport { ZCreateApiTokenInput } from "~/server/users/schemas";' },
  { layer: "cli", file: "cli/commands/fixture.ts", forbidden: 'import { getDatabase } from "../../server/db";', allowed: 'import type { AppRouter } from "../../server/api/root";\nimport { ZPlan } from "../../server/plan/plan-schema";' },
  { layer: "client-safe contracts", file: "server/users/schemas.ts", forbidden: 'import { getDatabase } from "../db";', allowed: 'import { ZId } from "../validation/common";' },
];

describe("layer rules", () => {
  it.each(cases)("$layer: $file may not import what its layer forbids", async ({ layer, file, forbidden, allowed }) => {
    const errors = await layerErrors(file, `${forbidden}\nexport {};\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${layer}: `));
    expect(await layerErrors(file, `${allowed}\nexport {};\n`)).toEqual([]);
  });

  it("exempts tests, which build fixtures from any layer", async () => {
    expect(await layerErrors("server/llm/fixture.test.ts", 'import { runQaAgent } from "../agents/qa-agent";\nexport {};\n')).toEqual([]);
  });

  it("lets a server component in app/ read the session, but a client component there not", async () => {
    const session = 'import { getSessionUser } from "~/server/auth/session";\nexport {};\n';
    expect(await layerErrors("app/(dashboard)/fixture/page.tsx", session)).toEqual([]);
    expect(await layerErrors("app/(dashboard)/fixture/_components/widget.tsx", `"use client";\n${session}`)).toEqual([expect.stringMatching(/^client code: /)]);
  });
});
