// Gallery: a grid of tiles, each a placeholder picture (an SVG drawn from its caption, so every
// tile differs and the app needs no image files) with its caption. Clicking a tile opens a larger
// view in a modal dialog named after the caption; Escape or "Close" closes it and focus returns
// to the tile.
import { h, svg } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/** A small stable hash of a caption, for picking a picture's shapes. */
export function hashOf(text) {
  let hash = 2166136261;
  for (const char of String(text)) hash = Math.imul(hash ^ char.codePointAt(0), 16777619) >>> 0;
  return hash;
}

/**
 * A placeholder picture: sky, a sun and two hills whose shapes come from the caption. Colours are
 * CSS classes (the theme's accent), not inline styles, which the app's CSP forbids.
 * @param {string} caption
 * @param {string} className
 */
export function placeholderArt(caption, className) {
  const hash = hashOf(caption);
  const sunX = 40 + (hash % 220);
  const sunY = 30 + ((hash >>> 8) % 40);
  const back = 100 + ((hash >>> 12) % 40);
  const front = 130 + ((hash >>> 16) % 30);
  const shade = "art-tone-" + ((hash >>> 20) % 4);
  return svg("svg", { class: className + " " + shade, viewBox: "0 0 300 200", "aria-hidden": "true", focusable: "false" },
    svg("rect", { class: "art-sky", width: 300, height: 200 }),
    svg("circle", { class: "art-sun", cx: sunX, cy: sunY, r: 18 + ((hash >>> 4) % 10) }),
    svg("path", { class: "art-hill-back", d: `M0 ${back} Q ${75 + ((hash >>> 3) % 60)} ${back - 50} 150 ${back} T 300 ${back - 10} V 200 H 0 Z` }),
    svg("path", { class: "art-hill-front", d: `M0 ${front} Q ${150 + ((hash >>> 6) % 80)} ${front - 45} 300 ${front + 5} V 200 H 0 Z` }));
}

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const items = Array.isArray(section.items) ? section.items : [];
  const titleId = element.id + "-title";
  const viewTitleId = element.id + "-view-title";
  const viewTitle = h("h3", { id: viewTitleId, class: "gallery-view-title" });
  const viewArt = h("div", { class: "gallery-view-art" });
  const close = h("button", { type: "button", class: "btn", onClick: () => dialog.close() }, "Close");
  const dialog = h("dialog", { class: "gallery-view", "aria-labelledby": viewTitleId }, h("figure", { class: "gallery-view-figure" }, viewArt, h("figcaption", {}, viewTitle)), h("p", { class: "gallery-view-actions" }, close));
  /** @type {HTMLElement | null} */
  let opener = null;
  // A click on the backdrop (the dialog box itself, outside its content) closes too.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    if (opener) opener.focus();
  });

  /** @param {string} caption @param {HTMLElement} tile */
  function open(caption, tile) {
    opener = tile;
    viewTitle.textContent = caption;
    viewArt.replaceChildren(placeholderArt(caption, "gallery-view-svg"));
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    close.focus();
  }

  element.append(
    h("ul", { class: "gallery-grid", "aria-labelledby": titleId }, items.map((item) => {
      const tile = h("button", { type: "button", class: "gallery-tile", "aria-haspopup": "dialog" },
        placeholderArt(item.caption, "gallery-art"),
        h("span", { class: "gallery-caption" }, item.caption));
      tile.addEventListener("click", () => open(item.caption, tile));
      return h("li", { class: "gallery-item" }, tile);
    })),
    dialog);
}
