// QA's static checks of a file set: references between modules, seen as a browser loads them.
import { describe, expect, it } from "vitest";
import { checkFiles } from "./check-files";

const app = (main: string) => [
  { path: "index.html", content: '<!doctype html><html><head><script type="module" src="./src/main.js"></script></head><body></body></html>' },
  { path: "src/main.js", content: main },
  { path: "src/data.js", content: "export const data = 1;\n" },
];

describe("checkFiles", () => {
  it("finds a dynamic import of a file that is not there", async () => {
    expect(await checkFiles(app('export const load = () => import("./missing.js");\n'))).toEqual(["src/main.js: imports missing file ./missing.js"]);
    expect(await checkFiles(app('export const load = () => import("./data.js");\n'))).toEqual([]);
  });

  it("does not take JSDoc types in comments for imports", async () => {
    const main = ['/** @typedef {import("./types").Spec} Spec */', "// import(\"./notes.js\") would load the notes", "/** @param {import('./types').Spec} spec */", "export function run(spec) { return spec; }", ""].join("\n");
    expect(await checkFiles(app(main))).toEqual([]);
  });

  describe("index.html, read by an HTML parser", () => {
    const page = (head: string, body = "") => [
      { path: "index.html", content: `<!doctype html><html><head>${head}</head><body>${body}</body></html>` },
      { path: "src/main.js", content: "export {};\n" },
      { path: "styles.css", content: "body { margin: 0; }\n" },
    ];
    const entry = '<script type="module" src="./src/main.js"></script>';

    it("accepts a page whose scripts and styles are files, whatever the quoting and case", async () => {
      expect(await checkFiles(page(`<SCRIPT TYPE=module SRC=./src/main.js></SCRIPT><link rel=stylesheet href='styles.css'>`))).toEqual([]);
      // Markup inside a comment or an attribute value is not markup.
      expect(await checkFiles(page(`${entry}<!-- <style>p{}</style> <script>alert(1)</script> -->`, '<p title="a > b onclick=x">ok</p>'))).toEqual([]);
    });

    it("finds what the preview's CSP would block", async () => {
      expect(await checkFiles(page(`${entry}<script>window.x = 1</script><style>p{}</style><base href="./">`, "<button onclick=go()>Go</button><p STYLE='color:red'>x</p><a href=' javascript:void(0)'>x</a>"))).toEqual([
        "index.html: inline <script> is blocked by the CSP (script-src 'self')",
        "index.html: <style> blocks are blocked by the CSP (style-src 'self')",
        "index.html: <base> is blocked by the CSP (base-uri 'none')",
        "index.html: inline event handlers (on...=) are blocked by the CSP",
        'index.html: inline style="" attributes are blocked by the CSP',
        "index.html: javascript: URLs are not allowed",
      ]);
      expect(await checkFiles(page('<script type="module" src="./src/main.js">init()</script>'))).toEqual(["index.html: <script src> must not also have inline content"]);
    });

    it("resolves every src and href, refusing external URLs, absolute paths and missing files", async () => {
      expect(await checkFiles(page(`${entry}<link rel="stylesheet" href="https://cdn.example/x.css"><img src="/logo.png" alt=""><img src="img/missing.png" alt="">`, '<a href="#top">top</a>'))).toEqual([
        "index.html: external URL https://cdn.example/x.css (the app must work offline under the CSP)",
        "index.html: absolute path /logo.png breaks under the preview path prefix; use a relative URL",
        "index.html: references missing file img/missing.png",
      ]);
    });
  });
});
