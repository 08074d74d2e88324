// A project's deploy targets: which are chosen, which the workspace can deploy to (has the
// connection for), and per target what is live and how the latest deployment went.
import type { Db } from "../db";
import { notFound } from "../errors";
import { deployTargets, parseDeployTargets, targetProviders, type TDeployTarget } from "../events/deploy-targets";
import { listTargetStatuses } from "./deploy-to-target";

export async function getProjectDeployTargets(db: Db, projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { workspaceId: true, deployTargets: true } });
  if (!project) throw notFound("Project");
  const connections = await db.integrationConnection.findMany({ where: { workspaceId: project.workspaceId }, select: { provider: true } });
  const connected = new Set<string>(connections.map((connection) => connection.provider));
  const chosen = parseDeployTargets(project.deployTargets);
  const statuses = await listTargetStatuses(db, projectId, chosen);
  return {
    chosen,
    available: deployTargets.map((target) => ({ target, isConnected: target === "preview" || connected.has(targetProviders[target]) })),
    statuses,
  };
}

/** Chooses the project's targets (the preview always stays); the next run deploys to them. */
export async function setProjectDeployTargets(db: Db, input: { projectId: string; targets: TDeployTarget[] }) {
  const targets = parseDeployTargets(input.targets);
  const { count } = await db.project.updateMany({ where: { id: input.projectId }, data: { deployTargets: targets } });
  if (count === 0) throw notFound("Project");
  return { chosen: targets };
}
