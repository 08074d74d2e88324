// Turns what the user typed into ids: a project by id, exact name or slug; a workspace by id,
// name or slug; a version by number ("3" or "v3"). No match is "not found" (exit 4); several
// matches are a usage error that lists them, so the user can pick by id.
import type { CommandContext } from "./context";
import { notFoundError, usageError } from "./cli-error";

export const slugify = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

function pickOne<T extends { id: string; name: string }>(items: T[], query: string, what: string, extraKeys: (item: T) => string[] = () => []): T {
  const byId = items.find((item) => item.id === query);
  if (byId) return byId;
  const lower = query.trim().toLowerCase();
  const slug = slugify(query);
  const tiers = [
    items.filter((item) => item.name.trim().toLowerCase() === lower),
    items.filter((item) => slug !== "" && (slugify(item.name) === slug || extraKeys(item).includes(slug))),
  ];
  for (const matches of tiers) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw usageError(`"${query}" matches ${matches.length} ${what}s: ${matches.map((item) => `${item.name} (${item.id})`).join(", ")}`, `Use the ${what}'s id.`);
    }
  }
  throw notFoundError(`${what[0]!.toUpperCase()}${what.slice(1)} "${query}" not found`);
}

export async function listWorkspaces(context: CommandContext) {
  return context.api.workspace.list.query();
}

/** The workspace named by `query`, or the token's (first) workspace when none is given. */
export async function resolveWorkspace(context: CommandContext, query: string | undefined) {
  const workspaces = await listWorkspaces(context);
  if (!query) {
    const first = workspaces[0];
    if (!first) throw notFoundError("This token sees no workspace");
    return first;
  }
  return pickOne(workspaces, query, "workspace", (workspace) => [workspace.slug]);
}

/** Every project (archived too) in the workspaces the token sees, newest first. */
export async function listAllProjects(context: CommandContext, workspaceIds?: string[]) {
  const ids = workspaceIds ?? (await listWorkspaces(context)).map((workspace) => workspace.id);
  const projects = [];
  for (const workspaceId of ids) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof context.api.project.list.query>> = await context.api.project.list.query({ workspaceId, cursor, limit: 50, includeArchived: true });
      projects.push(...page.items.map((item) => ({ ...item, workspaceId })));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return projects;
}

const looksLikeId = (text: string) => /^c[a-z0-9]{20,32}$/.test(text);

export async function resolveProject(context: CommandContext, query: string) {
  // An id is one call; a name needs the list.
  if (looksLikeId(query)) {
    try {
      return await context.api.project.get.query({ projectId: query });
    } catch (error) {
      if ((error as { data?: { code?: string } }).data?.code !== "NOT_FOUND") throw error;
    }
  }
  const match = pickOne(await listAllProjects(context), query, "project");
  return context.api.project.get.query({ projectId: match.id });
}

export function parseVersionNumber(text: string): number {
  const match = /^v?(\d+)$/i.exec(text.trim());
  if (!match) throw usageError(`"${text}" is not a version: use its number, e.g. 3 or v3`);
  return Number(match[1]);
}

export async function resolveVersion(context: CommandContext, projectId: string, text: string) {
  const number = parseVersionNumber(text);
  const versions = await context.api.version.list.query({ projectId });
  const version = versions.find((candidate) => candidate.number === number);
  if (!version) throw notFoundError(`Version v${number} not found (this project has ${versions.length ? versions.map((v) => `v${v.number}`).reverse().join(", ") : "no versions yet"})`);
  return version;
}
