// Landing page: hero, features, how it works, FAQ and a waitlist stored by the data layer.
import { h, svg } from "../lib/dom.js";
import { entityByName } from "../schema.js";
import { ValidationError } from "../store.js";

const STEPS = [
  ["Join the waitlist", "Leave your email and we will save you a spot."],
  ["Get early access", "We invite people in the order they signed up."],
  ["Tell us what you think", "Your feedback shapes what we build next."],
];

const FAQ = [
  ["When does it launch?", "Soon. Everyone on the waitlist hears about it first."],
  ["How much will it cost?", "Early members get the launch pricing, whatever it ends up being."],
  ["What do you do with my email?", "We only use it to invite you. No spam, and you can leave any time."],
];

function check() {
  return svg("svg", { viewBox: "0 0 24 24", width: 20, height: 20, "aria-hidden": "true" }, svg("path", { d: "M5 12.5l4.5 4.5L19 7.5", class: "icon-stroke" }));
}

export function renderLandingPage(root, { app, page, store, announce }) {
  const entity = entityByName(page.entity);
  const emailField = entity.fields.find((f) => f.type === "email");
  const scrollTo = (id) => () => document.getElementById(id).scrollIntoView({ behavior: "smooth", block: "start" });

  const email = h("input", { id: "waitlist-email", type: "email", name: "email", autocomplete: "email", placeholder: "you@example.com", "aria-describedby": "waitlist-message" });
  const message = h("p", { id: "waitlist-message", class: "waitlist-message", role: "status" });
  const count = h("p", { class: "muted waitlist-count" });
  const form = h("form", { class: "waitlist-form", novalidate: true, onSubmit: (event) => {
    event.preventDefault();
    message.classList.remove("is-error");
    const value = email.value.trim();
    if (store.list(entity.name).some((r) => String(r[emailField.name]).toLowerCase() === value.toLowerCase())) {
      message.textContent = "You're already on the list.";
      return;
    }
    try {
      store.create(entity.name, { [emailField.name]: value });
      form.reset();
      message.textContent = "You're on the list. We'll be in touch!";
      announce("Thanks for joining");
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      message.textContent = error.errors[emailField.name] || error.message;
      message.classList.add("is-error");
    }
  } },
    h("label", { for: email.id }, "Email"),
    h("div", { class: "waitlist-row" }, email, h("button", { type: "submit", class: "btn btn-primary" }, "Join the waitlist")),
    message);

  const features = (app.features || []).slice(0, 6);
  root.append(h("div", { class: "landing" },
    h("section", { class: "hero" },
      h("p", { class: "eyebrow" }, "Early access"),
      h("h1", { class: "hero-title" }, app.name),
      h("p", { class: "hero-lead" }, app.tagline),
      h("div", { class: "hero-actions" },
        h("button", { type: "button", class: "btn btn-primary btn-large", onClick: scrollTo("waitlist") }, "Get early access"),
        h("button", { type: "button", class: "btn btn-large", onClick: scrollTo("features") }, "See features"))),
    h("section", { class: "section", id: "features", "aria-labelledby": "features-title" },
      h("h2", { id: "features-title", class: "section-title" }, "Why you'll love it"),
      h("div", { class: "feature-grid" }, features.map((f) => h("article", { class: "card feature" }, h("span", { class: "feature-icon" }, check()), h("p", {}, f))))),
    h("section", { class: "section", "aria-labelledby": "steps-title" },
      h("h2", { id: "steps-title", class: "section-title" }, "How it works"),
      h("ol", { class: "steps" }, STEPS.map(([title, text], i) => h("li", { class: "card step" }, h("span", { class: "step-number" }, String(i + 1)), h("h3", {}, title), h("p", { class: "muted" }, text))))),
    h("section", { class: "section", "aria-labelledby": "faq-title" },
      h("h2", { id: "faq-title", class: "section-title" }, "Questions"),
      h("div", { class: "faq" }, FAQ.map(([q, a]) => h("details", { class: "card" }, h("summary", {}, q), h("p", { class: "muted" }, a))))),
    h("section", { class: "section card cta", id: "waitlist", "aria-labelledby": "waitlist-title" },
      h("h2", { id: "waitlist-title", class: "section-title" }, "Be the first to know"),
      h("p", { class: "muted" }, "Join the waitlist and we'll email you when " + app.name + " is ready."),
      form, count)));

  function render() {
    const n = store.list(entity.name).length;
    count.textContent = n + (n === 1 ? " person has" : " people have") + " joined";
  }
  render();
  return store.subscribe(render);
}
