// Hero: the page's <h1> (the business or app name), a tagline, and a call to action that jumps to
// a section of the page ("See the menu") or opens another page.
import { h } from "../lib/dom.js";
import { slugOf } from "../engine/app.js";

/** @import { SectionSpec, AppContext } from "../engine/app-context" */

/**
 * Where a call to action points: a route ("/bookings"), else the section of this page whose
 * title, type or anchor matches the target ("Contact", "form", "menu").
 * @param {string} target
 * @param {Document} doc
 * @returns {{ route: string } | { anchor: HTMLElement } | null}
 */
export function resolveTarget(target, doc) {
  const wanted = String(target || "").trim();
  if (!wanted) return null;
  if (wanted.startsWith("/")) return { route: wanted };
  const slug = slugOf(wanted.replace(/^#/, "").replace(/^s-/, ""));
  const sections = [...doc.querySelectorAll("main section[id]")];
  const byTitle = sections.find((s) => {
    const heading = s.querySelector(".section-title");
    return heading && slugOf(heading.textContent || "") === slug;
  });
  const byId = sections.find((s) => s.id === "s-" + slug || s.id.startsWith("s-" + slug + "-"));
  const byType = sections.find((s) => s.classList.contains("section-" + slug));
  const anchor = byTitle || byId || byType;
  return anchor instanceof HTMLElement ? { anchor } : null;
}

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const titleId = element.id + "-title";
  element.classList.add("hero");
  element.setAttribute("aria-labelledby", titleId);
  const children = [h("h1", { id: titleId, class: "hero-title" }, section.title || app.spec.appName)];
  if (section.tagline) children.push(h("p", { class: "hero-tagline" }, section.tagline));
  if (section.cta && section.cta.label) {
    const cta = section.cta;
    const link = h("a", { class: "btn btn-primary btn-large hero-cta", href: cta.target && String(cta.target).startsWith("/") ? app.href(cta.target) : "#" + "s-" + slugOf(cta.target || "") }, cta.label);
    // Sections after the hero exist only once the whole page is rendered: resolve on click.
    link.addEventListener("click", (event) => {
      const resolved = resolveTarget(cta.target, element.ownerDocument);
      if (!resolved) return;
      event.preventDefault();
      if ("route" in resolved) app.navigate(resolved.route);
      else {
        resolved.anchor.scrollIntoView({ block: "start" });
        resolved.anchor.focus({ preventScroll: true });
      }
    });
    children.push(h("p", { class: "hero-actions" }, link));
  }
  element.append(h("div", { class: "hero-inner" }, children));
}
