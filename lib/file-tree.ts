/** A folder or file in a version's tree; folders first, then files, each sorted by name. */
export type TreeNode = { kind: "folder"; name: string; path: string; children: TreeNode[] } | { kind: "file"; name: string; path: string };

/** Builds the folder tree from a version's flat list of paths ("src/app/page.tsx"). */
export function buildFileTree(paths: readonly string[]): TreeNode[] {
  const root: TreeNode & { kind: "folder" } = { kind: "folder", name: "", path: "", children: [] };
  for (const path of paths) {
    const parts = path.split("/");
    let folder = root;
    parts.forEach((name, index) => {
      const nodePath = parts.slice(0, index + 1).join("/");
      if (index === parts.length - 1) {
        folder.children.push({ kind: "file", name, path: nodePath });
        return;
      }
      let next = folder.children.find((child): child is TreeNode & { kind: "folder" } => child.kind === "folder" && child.name === name);
      if (!next) {
        next = { kind: "folder", name, path: nodePath, children: [] };
        folder.children.push(next);
      }
      folder = next;
    });
  }
  const sort = (nodes: TreeNode[]): TreeNode[] =>
    nodes
      .map((node) => (node.kind === "folder" ? { ...node, children: sort(node.children) } : node))
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "folder" ? -1 : 1));
  return sort(root.children);
}

/** The folders that hold `path`, so opening a file deep in the tree shows it. */
export function ancestorFolders(path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join("/"));
}
