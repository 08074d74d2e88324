// The browser floor for the pipeline bench: the least any prompt → tested preview can cost, since
// QA must at least start a browser and use one app in it. Each round launches Chromium the way QA
// does (launchBrowser), loads a 3-file static app from a loopback server, types a name, clicks
// Add, reloads, reads the stored item back and takes a screenshot, then closes the browser.
// The pipeline's median is reported as a multiple of this, measured in the same bench run.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const floorApp: Record<string, string> = {
  "index.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title><link rel="stylesheet" href="style.css"></head>
<body><main><h1>Items</h1><form id="add"><label>Name <input name="name" required></label><button>Add</button></form><ul id="items"></ul></main>
<script src="app.js"></script></body></html>`,
  "app.js": `const key = "floor-items";
const list = document.getElementById("items");
const items = JSON.parse(localStorage.getItem(key) || "[]");
function show() { list.replaceChildren(...items.map((name) => Object.assign(document.createElement("li"), { textContent: name }))); }
document.getElementById("add").addEventListener("submit", (event) => {
  event.preventDefault();
  items.push(event.target.elements.name.value);
  localStorage.setItem(key, JSON.stringify(items));
  event.target.reset();
  show();
});
show();`,
  "style.css": `body { font: 16px system-ui, sans-serif; margin: 2rem; } li { padding: 0.25rem 0; }`,
};

/** One round's wall time in ms (launch → close). */
async function floorRound(baseUrl: string): Promise<number> {
  const { launchBrowser } = await import("../server/browser/launch-browser");
  const startedAt = performance.now();
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(baseUrl);
    await page.getByLabel("Name").fill("Claw hammer");
    await page.getByRole("button", { name: "Add" }).click();
    await page.getByRole("listitem").filter({ hasText: "Claw hammer" }).waitFor();
    await page.reload();
    const text = await page.getByRole("listitem").first().textContent();
    if (text !== "Claw hammer") throw new Error(`The floor app read back ${JSON.stringify(text)} after a reload`);
    await page.screenshot();
  } finally {
    await browser.close();
  }
  return performance.now() - startedAt;
}

/** Times `rounds` floor rounds, one after the other (the first one warms nothing but the disk cache). */
export async function measureBrowserFloor(rounds = 5): Promise<number[]> {
  const { serveDirectory } = await import("../server/agents/qa/serve-directory");
  const root = await mkdtemp(path.join(tmpdir(), "epic-bench-floor-"));
  try {
    for (const [name, content] of Object.entries(floorApp)) await writeFile(path.join(root, name), content);
    const served = await serveDirectory({ root, prefix: "/floor/", isImmutable: true });
    try {
      const times: number[] = [];
      for (let round = 0; round < rounds; round += 1) times.push(await floorRound(served.baseUrl));
      return times;
    } finally {
      await served.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
