// @vitest-environment happy-dom
// The site sections (runtime/src/sections/): what each renders from its section spec, with the
// names and roles the acceptance checks rely on.
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as contact from "../runtime/src/sections/contact.js";
import * as faq from "../runtime/src/sections/faq.js";
import * as features from "../runtime/src/sections/features.js";
import * as gallery from "../runtime/src/sections/gallery.js";
import * as hero from "../runtime/src/sections/hero.js";
import * as hours from "../runtime/src/sections/hours.js";
import * as menu from "../runtime/src/sections/menu.js";
import * as notice from "../runtime/src/sections/notice.js";
import * as pricing from "../runtime/src/sections/pricing.js";
import * as testimonials from "../runtime/src/sections/testimonials.js";
import * as text from "../runtime/src/sections/text.js";
import { createAppContext } from "../runtime/src/engine/app.js";

const spec = { appName: "Rosie's Bakery", theme: { colorScheme: "light", accent: "#b45309" }, entities: [], pages: [], storage: { key: "rosies-bakery", version: 1 } };

/** A section element as the shell makes it: <section id aria-labelledby> with its <h2>. */
function sectionElement(title, id = "s-test") {
  const main = document.createElement("main");
  const element = document.createElement("section");
  element.id = id;
  element.setAttribute("aria-labelledby", id + "-title");
  const heading = document.createElement("h2");
  heading.id = id + "-title";
  heading.className = "section-title";
  heading.textContent = title;
  element.append(heading);
  main.append(element);
  document.body.replaceChildren(main);
  return element;
}

function appAt(date = new Date(2026, 2, 4, 10)) {
  const app = createAppContext({ spec, store: null, announce: () => {} });
  return { ...app, today: () => new Date(date), navigate: vi.fn() };
}

const nameOf = (element) => {
  const labelledBy = element.getAttribute("aria-labelledby");
  if (labelledBy) return labelledBy.split(" ").map((id) => document.getElementById(id).textContent).join(" ");
  return element.getAttribute("aria-label");
};
const rowTexts = (table) => [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));

beforeEach(() => document.body.replaceChildren());

describe("hero", () => {
  it("makes the page heading, the tagline and the section's name", () => {
    const element = sectionElement("ignored", "s-hero");
    element.querySelector("h2").remove();
    hero.render(element, { type: "hero", title: "Rosie's Bakery", tagline: "Bakery in York" }, appAt());
    expect(element.querySelector("h1").textContent).toBe("Rosie's Bakery");
    expect(nameOf(element)).toBe("Rosie's Bakery");
    expect(element.querySelector(".hero-tagline").textContent).toBe("Bakery in York");
    expect(element.querySelector("a")).toBeNull();
  });

  it("jumps to the section its call to action names", () => {
    const element = sectionElement("x", "s-hero");
    element.querySelector("h2").remove();
    const target = document.createElement("section");
    target.id = "s-opening-hours";
    target.className = "section section-hours";
    target.tabIndex = -1;
    target.append(Object.assign(document.createElement("h2"), { className: "section-title", textContent: "Opening hours" }));
    target.scrollIntoView = vi.fn();
    document.querySelector("main").append(target);
    hero.render(element, { type: "hero", title: "Rosie's Bakery", cta: { label: "When we're open", target: "Opening hours" } }, appAt());
    element.querySelector("a").click();
    expect(target.scrollIntoView).toHaveBeenCalled();
    expect(document.activeElement).toBe(target);
  });

  it("resolves targets by title, anchor or type, and routes by path", () => {
    sectionElement("Find us", "s-find-us").classList.add("section-contact");
    expect(hero.resolveTarget("Find us", document).anchor.id).toBe("s-find-us");
    expect(hero.resolveTarget("#s-find-us", document).anchor.id).toBe("s-find-us");
    expect(hero.resolveTarget("contact", document).anchor.id).toBe("s-find-us");
    expect(hero.resolveTarget("/bookings", document)).toEqual({ route: "/bookings" });
    expect(hero.resolveTarget("Nowhere", document)).toBeNull();
  });

  it("opens another page when the call to action names a route", () => {
    const element = sectionElement("x", "s-hero");
    const app = appAt();
    hero.render(element, { type: "hero", title: "Sharp Lines", cta: { label: "Book now", target: "/bookings" } }, app);
    const link = element.querySelector("a");
    expect(link.getAttribute("href")).toBe("#/bookings");
    link.click();
    expect(app.navigate).toHaveBeenCalledWith("/bookings");
  });
});

describe("menu", () => {
  it("is a table per group, named after it, with each item's price on its row", () => {
    const element = sectionElement("Menu");
    menu.render(element, { type: "menu", groups: [
      { name: "Coffees", items: [{ name: "Flat white", price: "£3.20" }, { name: "Latte", price: "£3.40", description: "Double shot" }] },
      { name: "Cakes", items: [{ name: "Carrot cake", price: "£4.00" }] },
    ] });
    const tables = [...element.querySelectorAll("table")];
    expect(tables.map(nameOf)).toEqual(["Coffees", "Cakes"]);
    expect(rowTexts(tables[0])).toEqual([["Flat white", "£3.20"], ["LatteDouble shot", "£3.40"]]);
    expect(tables[0].querySelectorAll("thead th")).toHaveLength(2);
  });
});

describe("hours", () => {
  it.each([
    ["Monday – Friday", [1, 2, 3, 4, 5]],
    ["Mon-Fri", [1, 2, 3, 4, 5]],
    ["Fri to Mon", [0, 1, 5, 6]],
    ["Saturday", [6]],
    ["Sat & Sun", [0, 6]],
    ["Sunday and Monday", [0, 1]],
    ["Weekends", [0, 6]],
    ["Weekdays", [1, 2, 3, 4, 5]],
    ["Every day", [0, 1, 2, 3, 4, 5, 6]],
    ["Tues, Thurs", [2, 4]],
    ["Bank holidays", []],
  ])("%s covers %j", (label, days) => {
    expect([...hours.daysCovered(label)].sort()).toEqual(days);
  });

  it("lists each row in a table named by the section and marks today's", () => {
    const element = sectionElement("Opening hours");
    // 4 March 2026 is a Wednesday.
    hours.render(element, { type: "hours", rows: [{ days: "Monday – Friday", hours: "8:00 – 17:00" }, { days: "Saturday", hours: "9:00 – 17:00" }] }, appAt(new Date(2026, 2, 4, 10)));
    const table = element.querySelector("table");
    expect(nameOf(table)).toBe("Opening hours");
    expect(rowTexts(table)).toEqual([["Monday – FridayToday", "8:00 – 17:00"], ["Saturday", "9:00 – 17:00"]]);
    expect(table.querySelector("[aria-current=date] th").firstChild.textContent).toBe("Monday – Friday");
  });

  it("marks no row on a day the hours do not cover", () => {
    const element = sectionElement("Opening hours");
    hours.render(element, { type: "hours", rows: [{ days: "Monday – Friday", hours: "8:00 – 17:00" }] }, appAt(new Date(2026, 2, 8, 10)));
    expect(element.querySelector("[aria-current]")).toBeNull();
  });
});

describe("contact", () => {
  it.each([
    ["hello@littlefox.example", "email"],
    ["Email: hello@littlefox.example", "email"],
    ["0117 496 0000", "phone"],
    ["Tel: +44 117 496 0000", "phone"],
    ["12 High Street, Bristol", "text"],
    ["BS1 4DJ", "text"],
  ])("%s is a %s line", (line, kind) => {
    expect(contact.lineKind(line).kind).toBe(kind);
  });

  it("shows every line, with email and phone as links", () => {
    const element = sectionElement("Find us");
    contact.render(element, { type: "contact", lines: ["The Little Fox Café", "12 High Street, Bristol", "hello@example.com", "Tel: 0117 496 0000"] });
    expect([...element.querySelectorAll("address p")].map((p) => p.textContent)).toEqual(["The Little Fox Café", "12 High Street, Bristol", "hello@example.com", "Tel: 0117 496 0000"]);
    expect([...element.querySelectorAll("address a")].map((a) => a.getAttribute("href"))).toEqual(["mailto:hello@example.com", "tel:01174960000"]);
  });
});

describe("pricing", () => {
  it("is an article per tier, named after it, with price, period and what it includes", () => {
    const element = sectionElement("Pricing");
    pricing.render(element, { type: "pricing", tiers: [{ name: "Essentials", price: "£900", features: ["Up to 4 hours"] }, { name: "Classic", price: "£1,500", period: "per wedding", features: [] }] });
    const articles = [...element.querySelectorAll("article")];
    expect(articles.map(nameOf)).toEqual(["Essentials", "Classic"]);
    expect(articles[0].querySelector(".tier-price").textContent).toBe("£900");
    expect(articles[1].querySelector(".tier-price").textContent).toBe("£1,500 per wedding");
    expect(nameOf(articles[0].querySelector("ul"))).toBe("Essentials includes");
    expect(articles[1].querySelector("ul")).toBeNull();
  });
});

describe("faq", () => {
  it("is a closed <details> per question, named by it, with the answer inside", () => {
    const element = sectionElement("Questions");
    faq.render(element, { type: "faq", items: [{ question: "Do you deliver?", answer: "Yes, within 5 miles.\n\nOrders over £20 go free." }] });
    const details = element.querySelector("details");
    expect(details.open).toBe(false);
    expect(nameOf(details)).toBe("Do you deliver?");
    expect(details.querySelector("summary").textContent).toBe("Do you deliver?");
    expect([...details.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["Yes, within 5 miles.", "Orders over £20 go free."]);
  });
});

describe("gallery", () => {
  it("shows a tile per picture, named by its caption, each drawn differently", () => {
    const element = sectionElement("Gallery");
    gallery.render(element, { type: "gallery", items: [{ caption: "Ceremony" }, { caption: "First dance" }] });
    const tiles = [...element.querySelectorAll("li button")];
    expect(tiles.map((b) => b.textContent)).toEqual(["Ceremony", "First dance"]);
    const paths = tiles.map((b) => b.querySelector("svg path").getAttribute("d"));
    expect(paths[0]).not.toBe(paths[1]);
    expect(tiles[0].querySelector("svg").getAttribute("aria-hidden")).toBe("true");
  });

  it("opens a larger view in a dialog named after the picture, and returns focus when it closes", () => {
    const element = sectionElement("Gallery");
    gallery.render(element, { type: "gallery", items: [{ caption: "Ceremony" }, { caption: "First dance" }] });
    const dialog = element.querySelector("dialog");
    expect(dialog.open).toBe(false);
    const tile = element.querySelectorAll("li button")[1];
    tile.focus();
    tile.click();
    expect(dialog.open).toBe(true);
    expect(nameOf(dialog)).toBe("First dance");
    expect(dialog.querySelector("svg")).not.toBeNull();
    [...dialog.querySelectorAll("button")].find((b) => b.textContent === "Close").click();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(tile);
  });

  it("hashes captions stably", () => {
    expect(gallery.hashOf("Ceremony")).toBe(gallery.hashOf("Ceremony"));
    expect(gallery.hashOf("Ceremony")).not.toBe(gallery.hashOf("Portraits"));
  });
});

describe("testimonials, features, text and notices", () => {
  it("quotes each customer", () => {
    const element = sectionElement("What people say");
    testimonials.render(element, { type: "testimonials", items: [{ quote: "Best sourdough in town.", author: "Sam" }] });
    expect(element.querySelector("blockquote").textContent).toBe("Best sourdough in town.");
    expect(element.querySelector("figcaption").textContent).toBe("— Sam");
  });

  it("lists features under the section's name", () => {
    const element = sectionElement("What we offer");
    features.render(element, { type: "features", items: [{ title: "Fresh daily", text: "Baked at 5am." }] });
    expect(nameOf(element.querySelector("ul"))).toBe("What we offer");
    expect(element.querySelector("h3").textContent).toBe("Fresh daily");
  });

  it("writes paragraphs", () => {
    const element = sectionElement("About");
    text.render(element, { type: "text", paragraphs: ["One.", "Two."] });
    expect([...element.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["One.", "Two."]);
  });

  it("says a notice as a note, a warning as a status", () => {
    const info = sectionElement("Good to know");
    notice.render(info, { type: "notice", tone: "info", text: "Prices are typed in." });
    expect(info.querySelector("[role=note]").textContent).toBe("Prices are typed in.");
    const warning = sectionElement("Not built");
    notice.render(warning, { type: "notice", tone: "warning", text: "This could not be built." });
    expect(warning.querySelector("[role=status]").textContent).toBe("This could not be built.");
  });
});
