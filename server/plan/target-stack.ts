// What every generated app is, whoever generates it (the offline compiler or an LLM): the
// preview server, the QA agent and the model prompts all rely on these rules.
export const PREVIEW_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

export const TARGET_STACK_DESCRIPTION = [
  "A static web app with no build step: index.html at the root, ES modules (`<script type=\"module\" src=\"./src/app.js\">`) and CSS files.",
  "No npm dependencies at runtime and no external URLs (no CDNs, fonts or APIs): the preview is offline.",
  "It is served under a path prefix, so every URL must be relative (./src/app.js), with hash routing (#/page) between pages.",
  `It runs under this Content-Security-Policy: ${PREVIEW_CONTENT_SECURITY_POLICY}. So: no inline <script> or <style>, no style="" attributes, no eval or new Function, no javascript: URLs.`,
  "Data persists in localStorage under a key namespaced by the app, falling back to memory when storage is unavailable.",
  "Render user data with textContent (never innerHTML with data). Forms use <label for> labels; buttons have visible names.",
  "A package.json whose `test` script runs `node --test` with zero dependencies, testing the data layer.",
].join("\n");
