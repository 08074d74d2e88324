// Feed section: an append-only wall of posts (a guestbook, a message wall). A composer with the
// author's name and the message, a Post button, and the posts as articles — who wrote it, when
// (<time datetime>), what — newest or oldest first. Posts are only ever added here.
import { h } from "../lib/dom.js";
import { uid } from "../content/ui.js";
import { postTimeText, singularWords } from "../widgets/names.js";

/** @import { AppContext, EntitySpec, FieldSpec, SectionSpec } from "../engine/app-context" */

const authorNames = ["name", "author", "yourName", "from", "by", "visitor", "guest"];

/**
 * Which fields are the author and the message: a field named like an author (else the first
 * short text field), and the first long text field (else the next short one).
 * @param {EntitySpec} entity
 */
export function feedFieldsOf(entity) {
  const texts = entity.fields.filter((f) => f.type === "string" || f.type === "text");
  const message = texts.find((f) => f.type === "text") || texts.find((f) => !authorNames.includes(f.name) && f !== texts[0]) || texts[texts.length - 1] || entity.fields[0];
  const author = texts.find((f) => f !== message && authorNames.includes(f.name)) || texts.find((f) => f !== message && f.type === "string") || null;
  return { author, message };
}

/** Posts in the section's order, by creation time (ties keep the stored order). */
export function orderPosts(posts, order) {
  const sorted = posts.map((post, index) => ({ post, index })).sort((a, b) => String(a.post.createdAt).localeCompare(String(b.post.createdAt)) || a.index - b.index);
  if (order !== "oldest") sorted.reverse();
  return sorted.map((entry) => entry.post);
}

/**
 * @param {HTMLElement} sectionElement
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(sectionElement, section, app) {
  const entity = app.entity(section.entity);
  if (!entity) throw new Error("A feed needs the entity " + section.entity);
  const { author, message } = feedFieldsOf(entity);
  const noun = singularWords(entity.name);

  const authorInput = author ? h("input", { id: uid("author"), type: "text", autocomplete: "name", maxlength: "80" }) : null;
  const messageInput = h("textarea", { id: uid("message"), rows: "3", maxlength: "2000" });
  const errors = { author: h("p", { class: "field-error", "aria-live": "polite" }), message: h("p", { class: "field-error", "aria-live": "polite" }) };
  const composer = h("form", { class: "form feed-composer card", "aria-label": "Add " + noun, novalidate: true },
    authorInput ? h("div", { class: "field" }, h("label", { for: authorInput.id }, author.label), authorInput, errors.author) : null,
    h("div", { class: "field" }, h("label", { for: messageInput.id }, message.label), messageInput, errors.message),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Post")));
  const posts = h("div", { class: "feed-posts" });
  sectionElement.append(composer, posts);

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = authorInput ? authorInput.value.trim() : "";
    const text = messageInput.value.trim();
    const missingName = Boolean(authorInput && author.required && !name);
    errors.author.textContent = missingName ? author.label + " is required" : "";
    errors.message.textContent = text ? "" : "Write a " + message.label.toLowerCase() + " first";
    if (authorInput) authorInput.setAttribute("aria-invalid", String(missingName));
    messageInput.setAttribute("aria-invalid", String(!text));
    if (missingName) return authorInput.focus();
    if (!text) return messageInput.focus();
    app.store.create(entity.name, { ...(author ? { [author.name]: name || null } : {}), [message.name]: text });
    messageInput.value = "";
    app.announce("Posted");
    messageInput.focus();
  });

  function post(record) {
    const authorId = uid("post-author");
    const name = author ? String(record[author.name] || "").trim() || "Anonymous" : "";
    const created = new Date(String(record.createdAt));
    const when = Number.isNaN(created.getTime()) ? null : h("time", { class: "feed-time muted", datetime: created.toISOString() }, postTimeText(created));
    return h("article", { class: "feed-post card", "aria-labelledby": author ? authorId : null },
      h("header", { class: "feed-post-head" }, author ? h("strong", { id: authorId, class: "feed-author" }, name) : null, when),
      h("p", { class: "feed-message" }, String(record[message.name] ?? "")));
  }

  function draw() {
    const all = orderPosts(app.store.list(entity.name), section.order);
    posts.replaceChildren(all.length ? h("div", { class: "feed-list" }, all.map(post)) : h("p", { class: "empty" }, "No " + entity.pluralLabel.toLowerCase() + " yet — be the first to write one above."));
  }

  draw();
  return app.store.subscribe(draw);
}
