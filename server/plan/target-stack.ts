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
  "Data persists in localStorage under the plan's `storage.key` (stable for the project across versions), with a schema version; on load the app migrates stored records to the current plan (new fields get their defaults, records of a renamed entity move to its new name) and never drops data it does not understand. It falls back to memory when storage is unavailable and says so.",
  "When the plan has `sharing`, the records are also shared between devices through the app's server beside it (relative URLs under `_data/`: GET `records` → {records: [{entity, id, data, seq}], seq}; PUT `records/<entity>/<id>` with {\"data\": record}; DELETE `records/<entity>/<id>`; server-sent events at `events?after=<seq>`, each `change` event one {entity, id, data|null, seq}). localStorage stays the working copy: load from the server on start, write each change through, apply pushed changes at once without a reload, and when the server cannot be reached keep working, say so on screen, and send the waiting changes later.",
  "Render user data with textContent (never innerHTML with data). Forms use <label for> labels; buttons have visible names.",
  "Accessible structure the acceptance checks rely on: each page section is a <section> labelled by its heading (aria-labelledby), lists and tables have accessible names, computed figures are <output> elements (or other elements) with a <label>/aria-label, and the document title contains the app's name.",
  "Charts are <figure> elements captioned by a <figcaption> (their accessible name), with aria-roledescription \"pie chart\", \"donut chart\", \"bar chart\" or \"line chart\" on the figure, an SVG drawing, and a legend list (<ul>) whose items read \"<label>: <value> (<share>)\" (share optional, e.g. \"Food: 60.00 (60%)\").",
  "A package.json whose `test` script runs `node --test` with zero dependencies, testing the data layer.",
].join("\n");
