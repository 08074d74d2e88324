import { describe, expect, it } from "vitest";
import { ancestorFolders, buildFileTree } from "./file-tree";

describe("buildFileTree", () => {
  it("nests paths into folders, folders first, names sorted", () => {
    const tree = buildFileTree(["src/pages/index.tsx", "README.md", "src/app.css", "package.json", "src/pages/about.tsx", "prisma/schema.prisma"]);
    expect(tree.map((node) => node.name)).toEqual(["prisma", "src", "package.json", "README.md"]);
    const src = tree[1]!;
    expect(src.kind === "folder" && src.children.map((node) => `${node.kind}:${node.path}`)).toEqual([
      "folder:src/pages",
      "file:src/app.css",
    ]);
    const pages = src.kind === "folder" ? src.children[0]! : null;
    expect(pages?.kind === "folder" && pages.children.map((node) => node.path)).toEqual(["src/pages/about.tsx", "src/pages/index.tsx"]);
  });

  it("lists the folders to open to reveal a file", () => {
    expect(ancestorFolders("src/pages/index.tsx")).toEqual(["src", "src/pages"]);
    expect(ancestorFolders("README.md")).toEqual([]);
  });
});
