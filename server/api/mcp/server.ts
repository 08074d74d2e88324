// The MCP server's tools, so an AI assistant can drive the platform: create a project from a
// prompt, follow up, approve a plan, read a run, get the preview URL, list versions, roll back (the
// preview, or one deploy target: Vercel, Cloudflare, S3).
// Every tool calls a tRPC procedure in-process (ctx.api): the same token scopes, workspace and role
// rules, and domain functions as the dashboard. A refusal becomes a tool error the assistant can read.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { deployTargetLabels, ZExternalDeployTarget } from "../../events/deploy-targets";
import { ZPrompt } from "../../projects/schemas";
import { ZId } from "../../validation/common";
import type { ApiCaller } from "../request-api-caller";
import { getLogger } from "../../observability/logger";

const log = getLogger("mcp");

export const MCP_SERVER_NAME = "epic-ai-dev";

function ok(value: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }] };
}

function failure(error: unknown, requestId: string): CallToolResult {
  let message: string;
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    const issues = error.cause instanceof ZodError ? error.cause.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`) : [];
    message = `${error.code}: ${issues.length ? `Invalid input: ${issues.join("; ")}` : error.message}`;
  } else {
    log.error({ err: error, requestId }, "MCP tool failed");
    message = `Internal error. Quote request id ${requestId} when you report it.`;
  }
  return { isError: true, content: [{ type: "text", text: message }] };
}

export function createMcpServer(api: ApiCaller, requestId: string): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: "1.0.0" });
  const tool = <Shape extends z.ZodRawShape>(
    name: string,
    config: { title: string; description: string; inputSchema: Shape; readOnly: boolean },
    run: (input: z.infer<z.ZodObject<Shape>>) => Promise<unknown>,
  ) =>
    server.registerTool(
      name,
      { title: config.title, description: config.description, inputSchema: config.inputSchema, annotations: { readOnlyHint: config.readOnly } },
      (async (input: z.infer<z.ZodObject<Shape>>) => {
        try {
          return ok(await run(input));
        } catch (error) {
          return failure(error, requestId);
        }
      }) as never,
    );

  /** The version given by id, or by its number in the project. */
  const versionIdFor = async (projectId: string, versionId: string | undefined, versionNumber: number | undefined) => {
    if (versionId) return versionId;
    if (versionNumber === undefined) throw new TRPCError({ code: "BAD_REQUEST", message: "Give versionId or versionNumber" });
    const versions = await api.version.list({ projectId });
    const id = versions.find((version) => version.number === versionNumber)?.id;
    if (!id) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${versionNumber} not found` });
    return id;
  };

  /** The workspace to act in: the one given, else the token's (or the caller's first, their personal one). */
  const workspaceIdFor = async (workspaceId: string | undefined) => {
    if (workspaceId) return workspaceId;
    const [first] = await api.workspace.list();
    if (!first) throw new TRPCError({ code: "NOT_FOUND", message: "No workspace to act in" });
    return first.id;
  };

  tool(
    "list_workspaces",
    { title: "List workspaces", description: "The workspaces this token (or user) can act in, with the caller's role.", inputSchema: {}, readOnly: true },
    () => api.workspace.list(),
  );

  tool(
    "list_projects",
    { title: "List projects", description: "A workspace's projects, newest first.", inputSchema: { workspaceId: ZId.optional() }, readOnly: true },
    async ({ workspaceId }) => api.project.list({ workspaceId: await workspaceIdFor(workspaceId) }),
  );

  tool(
    "create_project",
    {
      title: "Create a project from a prompt",
      description:
        "Creates a project from a plain-language prompt and starts its first run (plan → build → test → deploy). Returns the project and the run; follow the run with get_run. With requiresPlanApproval the run waits for approve_plan.",
      inputSchema: { prompt: ZPrompt, workspaceId: ZId.optional(), name: z.string().trim().min(1).max(80).optional(), requiresPlanApproval: z.boolean().optional() },
      readOnly: false,
    },
    async ({ workspaceId, ...input }) => {
      const { project, run } = await api.project.create({ ...input, workspaceId: await workspaceIdFor(workspaceId) });
      return { project: { id: project.id, name: project.name, status: project.status }, run: { id: run.id, status: run.status } };
    },
  );

  tool(
    "send_follow_up",
    { title: "Send a follow-up", description: "Asks for a change to an existing project; starts a follow-up run.", inputSchema: { projectId: ZId, prompt: ZPrompt }, readOnly: false },
    async (input) => {
      const run = await api.project.followUp(input);
      return { run: { id: run.id, status: run.status } };
    },
  );

  tool(
    "approve_plan",
    {
      title: "Approve a plan",
      description: "Approves the plan of a run that is waiting for review (status WAITING), so building starts.",
      inputSchema: { runId: ZId, feedback: z.string().trim().max(2000).optional() },
      readOnly: false,
    },
    async ({ runId, feedback }) => {
      await api.run.reviewPlan({ runId, isApproved: true, feedback });
      return { runId, isApproved: true };
    },
  );

  tool(
    "get_run",
    {
      title: "Read a run",
      description: "A run's status, error, plan requirements and their tally, agent tasks and the versions it made.",
      inputSchema: { runId: ZId },
      readOnly: true,
    },
    async ({ runId }) => {
      const run = await api.run.get({ runId });
      const plan = run.plan as { summary?: string; requirements?: unknown[] } | null;
      return {
        id: run.id,
        projectId: run.projectId,
        prompt: run.prompt,
        status: run.status,
        error: run.error,
        queuedAt: run.queuedAt,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        planSummary: plan?.summary ?? null,
        requirements: plan?.requirements ?? [],
        requirementTally: {
          total: run.requirementsTotal,
          passed: run.requirementsPassed,
          failed: run.requirementsFailed,
          unsupported: run.requirementsUnsupported,
          unverified: run.requirementsUnverified,
        },
        agentTasks: run.agentTasks.map((task) => ({ agent: task.agentName, task: task.taskType, status: task.status, error: task.error })),
        versions: run.versions,
      };
    },
  );

  tool(
    "get_preview_url",
    { title: "Get the preview URL", description: "Where the project's live preview is served (null before its first deploy).", inputSchema: { projectId: ZId }, readOnly: true },
    async ({ projectId }) => {
      const [project, location] = await Promise.all([api.project.get({ projectId }), api.deployment.origins({ projectId })]);
      return { projectId, status: project.status, previewUrl: location.liveUrl };
    },
  );

  tool(
    "list_versions",
    { title: "List versions", description: "A project's versions, newest first, with their file counts.", inputSchema: { projectId: ZId }, readOnly: true },
    async ({ projectId }) => {
      const versions = await api.version.list({ projectId });
      return versions.map(({ _count, ...version }) => ({ ...version, fileCount: _count.files }));
    },
  );

  tool(
    "rollback",
    {
      title: "Roll back",
      description: "Points the project's live preview at an earlier version that was deployed successfully. Give versionId or versionNumber.",
      inputSchema: { projectId: ZId, versionId: ZId.optional(), versionNumber: z.number().int().min(1).optional() },
      readOnly: false,
    },
    async ({ projectId, versionId, versionNumber }) => {
      const id = await versionIdFor(projectId, versionId, versionNumber);
      const deployment = await api.deployment.rollback({ projectId, versionId: id });
      return { deploymentId: deployment.id, status: deployment.status, url: deployment.deploymentUrl };
    },
  );

  tool(
    "rollback_target",
    {
      title: "Roll back a deploy target",
      description:
        "Puts an earlier version live again on one of the project's deploy targets (vercel, cloudflare or s3), leaving the preview and the other targets as they are. The version must have gone live on that target before. Give versionId or versionNumber.",
      inputSchema: { projectId: ZId, target: ZExternalDeployTarget, versionId: ZId.optional(), versionNumber: z.number().int().min(1).optional() },
      readOnly: false,
    },
    async ({ projectId, target, versionId, versionNumber }) => {
      const id = await versionIdFor(projectId, versionId, versionNumber);
      const deployment = await api.deployment.rollbackTarget({ projectId, versionId: id, target });
      if (deployment.status === "FAILED") {
        // The provider's message and what to do, as the dashboard shows it (never a credential).
        const reason = deployment.logs.trim().split("\n").pop()?.replace(/^\[[^\]]+\]\s*/, "") ?? "the deployment failed";
        throw new TRPCError({ code: "BAD_REQUEST", message: `Rolling ${deployTargetLabels[target]} back failed: ${reason}` });
      }
      return { deploymentId: deployment.id, target, status: deployment.status, url: deployment.deploymentUrl };
    },
  );

  return server;
}
