// Small sites for a named business or event: a hero with the name, then the sections the prompt
// asks for (menu with its groups, opening hours, address, contact form, pricing, gallery, about,
// FAQ, testimonials), and forms that write to a list the owner can see (bookings, RSVPs).
import { businessKinds, menuKinds, responseListPatterns, siteDestinationPatterns, siteSectionConcepts, siteWords } from "../catalog/sites";
import { feedPatterns } from "../catalog/app-shapes";
import { defaultHours, menuItems, menusByBusiness } from "../catalog/content";
import { readParenthesised } from "../understand/lists";
import { readOpeningHours, readPriceLists } from "../understand/site-details";
import { findAny } from "../understand/match-pattern";
import { lemmaOf } from "../understand/tokens";
import { determiners } from "../understand/words";
import { composePlace } from "./asks";
import { addSection, isClaimed, pageFor, requirement, type Draft, type SectionInput } from "./draft";
import { addField, conceptField, ensureEntity } from "./records";

export function isSitePrompt(draft: Draft): boolean {
  const hit = findAny(draft.reading.tokens, siteWords);
  return !!hit && !isClaimed(draft, hit.from, hit.to);
}

/**
 * "a guestbook for my website", "a comment wall on our blog": the prompt asks for one part of a
 * site, to put on a site the user already has. The site words say where it goes, so the prompt is
 * no site to build; returns the words (unclaimed) when that is so and no other site word is said.
 */
export function readSiteDestination(draft: Draft): { from: number; to: number } | undefined {
  const { tokens } = draft.reading;
  const part = findAny(tokens, feedPatterns);
  const destination = findAny(tokens, siteDestinationPatterns);
  if (!part || !destination || isClaimed(draft, part.from, part.to) || isClaimed(draft, destination.from, destination.to)) return undefined;
  // Another site word outside the destination ("a website with a guestbook") asks for a site.
  const other = findAny(tokens.map((t, i) => (i >= destination.from && i < destination.to ? { ...t, word: "", lemma: "" } : t)), siteWords);
  return other ? undefined : { from: destination.from, to: destination.to };
}

export function composeSite(draft: Draft): void {
  const { tokens } = draft.reading;
  const siteHit = findAny(tokens, siteWords)!;
  // "one page portfolio site": the words that say what kind of page it is, together.
  let siteTo = siteHit.to;
  while (siteTo < tokens.length && siteTo - siteHit.to < 3 && ["portfolio", "site", "website", "web", "landing", "page", "homepage"].includes(tokens[siteTo]!.word)) siteTo++;
  const pageId = requirement(draft, "page", "A single page with a hero and the requested sections", siteHit.from, siteTo);
  // "coffee 2.50 EUR" is an item on the price list, not the kind of business.
  const priced = readPriceLists(tokens).flatMap((list) => list.items);
  const business = tokens.find((t) => (businessKinds[t.word] || businessKinds[t.lemma]) && !priced.some((item) => t.index >= item.from && t.index < item.to));
  let kind = business ? businessKinds[business.word] ?? businessKinds[business.lemma] : undefined;
  // "for a wedding photographer", "for my dog grooming business": the words before the kind say which kind.
  let businessFrom = business?.index ?? 0;
  if (business && kind) {
    while (businessFrom > 0 && business.index - businessFrom < 2 && tokens[businessFrom - 1]!.isWord && !draft.claimed.has(businessFrom - 1) && tokens[businessFrom - 1]!.tags.has("Noun") && !tokens[businessFrom - 1]!.tags.has("Pronoun") && !determiners.has(tokens[businessFrom - 1]!.word) && !["site", "website", "page", "portfolio"].includes(tokens[businessFrom - 1]!.word)) businessFrom--;
    if (businessFrom < business.index) kind = `${draft.reading.prompt.slice(tokens[businessFrom]!.start, tokens[business.index - 1]!.end).toLowerCase()} ${kind}`;
    if (["a", "an", "my", "our", "the"].includes(tokens[businessFrom - 1]?.word ?? "") && tokens[businessFrom - 2]?.word === "for") businessFrom -= 2;
  }
  const place = composePlace(draft);
  const occasion = business ? undefined : readOccasion(draft);
  // No name given: the kind of business is the most honest title ("Bakery"), never a made-up brand.
  const name = draft.appName?.name ?? occasion?.title ?? (kind ? kind[0]!.toUpperCase() + kind.slice(1) : "Welcome");
  const page = pageFor(draft, "/", "Home", "The site");
  // The hero's tagline names the kind of business and the place: its check verifies both.
  // "barber shop", "grooming business": the word after the kind only restates it.
  const businessTo = business && ["shop", "business", "store", "studio", "salon"].includes(tokens[business.index + 1]?.word ?? "") && !isClaimed(draft, business.index + 1, business.index + 2) ? business.index + 2 : (business?.index ?? 0) + 1;
  const businessId = business ? requirement(draft, "content", `Presents the business as a ${kind}`, businessFrom, businessTo) : undefined;
  const occasionId = occasion ? requirement(draft, "content", `The page is for the ${occasion.title.toLowerCase()}${occasion.when ? ` on ${occasion.when}` : ""}`, occasion.from, occasion.to) : undefined;
  const heroIds = [pageId, ...(draft.appName?.requirementIds ?? []), ...(place ? [place.requirementId] : []), ...(businessId ? [businessId] : []), ...(occasionId ? [occasionId] : [])];
  const tagline = occasion ? (occasion.when ?? "") : [kind ? `${kind[0]!.toUpperCase()}${kind.slice(1)}` : undefined, place ? `in ${place.place}` : undefined].filter(Boolean).join(" ");
  draft.appName ??= { name, requirementIds: businessId ? [businessId] : occasionId ? [occasionId] : [pageId] };
  addSection(draft, page, { type: "hero", title: name, ...(tagline ? { tagline } : {}), requirementIds: heroIds });
  composeSiteSections(draft, page, { name, kind, business, place });
  draft.kind = "landing";
}

/** What a site's sections are written from: its name, kind of business and place. */
export type SiteContext = { name: string; kind?: string; business?: { word: string }; place?: { place: string; requirementId: string } };

/** The sections the prompt asks for ("menu", "opening hours", "contact form"), on `page`; also used by follow-ups to a site. */
export function composeSiteSections(draft: Draft, page: ReturnType<typeof pageFor>, { name, kind, business, place }: SiteContext): void {
  const { tokens } = draft.reading;
  // What the owner wrote inline: the items with their prices and the days with their times. They
  // are the menu and the opening hours, asked for by name or not.
  const unclaimed = <T extends { from: number; to: number }>(spans: T[]): T[] => spans.filter((s) => !isClaimed(draft, s.from, s.to));
  const priceLists = unclaimed(readPriceLists(tokens)).map((list) => ({ list, id: requirement(draft, "content", `The price list shows ${list.items.map((i) => `${i.name} ${i.price}`).join(", ").replace(/, ([^,]*)$/, " and $1")}`, list.from, list.to) }));
  const hours = unclaimed(readOpeningHours(tokens, 0, tokens.length, !!business)).map((list) => ({ list, id: requirement(draft, "content", `Open ${list.rows.map((r) => `${r.days}: ${r.hours}`).join("; ")}`, list.from, list.to) }));
  for (const concept of siteSectionConcepts) {
    const hit = findAny(tokens, concept.patterns);
    const inline = concept.section === "menu" ? priceLists : concept.section === "hours" ? hours : [];
    if ((!hit || isClaimed(draft, hit.from, hit.to)) && !inline.length) continue;
    let to = hit?.to ?? 0;
    if (hit && tokens[to]?.word === "with" && ["price", "prices"].includes(tokens[to + 1]?.word ?? "")) to += 2;
    const ids = hit && !isClaimed(draft, hit.from, hit.to) ? [requirement(draft, "section", concept.text, hit.from, to)] : [];
    const id = ids[0] ?? inline[0]!.id;
    ids.push(...inline.map((i) => i.id));
    let section: SectionInput;
    switch (concept.section) {
      case "menu": {
        const open = ids.length > inline.length ? tokens.findIndex((t, i) => i >= to && i <= to + 3 && t.text === "(") : -1;
        const group = open >= 0 ? readParenthesised(tokens, open) : undefined;
        let groupWords = group?.options ?? [];
        if (group) ids.push(requirement(draft, "content", `The menu has ${group.options.join(", ")}`, group.from, group.to));
        if (!groupWords.length && !priceLists.length) groupWords = menusByBusiness[kind ?? ""] ?? menusByBusiness[business?.word ?? ""] ?? ["drink", "cake"];
        const named = priceLists.map(({ list }) => ({ name: list.heading ?? "Prices", items: list.items.slice(0, 30).map(({ name, price }) => ({ name, price })) }));
        const grouped = groupWords.map((word) => ({ name: word[0]!.toUpperCase() + word.slice(1), items: menuItems[lemmaOf(word.toLowerCase().split(" ").at(-1)!)] ?? [{ name: `House ${word}`, price: "£4.00" }] }));
        // A barber's prices are a price list, a bakery's a menu.
        const title = ids.length > inline.length || menuKinds.includes(kind ?? "") ? "Menu" : "Prices";
        section = { type: "menu", title, groups: [...named, ...grouped].slice(0, 12), requirementIds: ids };
        break;
      }
      case "hours":
        section = { type: "hours", title: "Opening hours", rows: hours.length ? hours.flatMap(({ list }) => list.rows.map(({ days, hours: times }) => ({ days, hours: times }))).slice(0, 14) : defaultHours, requirementIds: ids };
        break;
      case "contact":
        section = { type: "contact", title: "Find us", lines: [`${name}`, `12 High Street${place ? `, ${place.place}` : ""}`, "hello@example.com"], requirementIds: place ? [...ids, place.requirementId] : ids };
        break;
      case "contactForm": {
        const entity = ensureEntity(draft, "ContactMessage", "Messages", id);
        for (const f of ["name", "email", "message"]) addField(entity, conceptField(f)!, id);
        entity.fields.forEach((f) => (f.required = true));
        section = { type: "form", title: "Contact", entity: "ContactMessage", submitLabel: "Send message", thanks: "Thank you — we will be in touch soon.", requirementIds: ids };
        break;
      }
      case "pricing":
        section = { type: "pricing", title: "Pricing", tiers: [{ name: "Essentials", price: "£900", features: ["Up to 4 hours", "100 edited photos"] }, { name: "Classic", price: "£1,500", features: ["Up to 8 hours", "300 edited photos", "Online gallery"] }, { name: "Full day", price: "£2,200", features: ["Whole day", "500 edited photos", "Printed album"] }], requirementIds: ids };
        break;
      case "gallery":
        section = { type: "gallery", title: "Gallery", items: ["Ceremony", "First dance", "Portraits", "Details", "Party", "Sunset"].map((caption) => ({ caption })), requirementIds: ids };
        break;
      case "about":
        section = { type: "text", title: "About", paragraphs: [`I'm ${name}${kind ? `, a ${kind}` : ""}. I love what I do and I'd be glad to hear from you.`], requirementIds: ids };
        break;
      case "faq":
        section = { type: "faq", title: "Questions", items: [{ question: "How do I book?", answer: "Send us a message with the contact form and we will reply within a day." }], requirementIds: ids };
        break;
      case "testimonials":
        section = { type: "testimonials", title: "What people say", items: [{ quote: "Wonderful from start to finish.", author: "A happy customer" }], requirementIds: ids };
        break;
      case "features":
        section = { type: "features", title: "What we offer", items: [{ title: "Friendly service", text: "We take time to get it right." }], requirementIds: ids };
        break;
    }
    addSection(draft, page, section);
  }
}

/** A form visitors fill in (a booking request, an RSVP), plus a page listing what was sent. */
export function composeRequestForm(draft: Draft, entityName: string, title: string, listTitle: string, submitLabel: string, thanks: string, requirementIds: string[]): void {
  const entity = draft.entities.get(entityName);
  if (!entity) return;
  const home = pageFor(draft, "/", "Home", "The site");
  addSection(draft, home, { type: "form", title, entity: entityName, submitLabel, thanks, requirementIds });
  const listAsk = findAny(draft.reading.tokens, responseListPatterns);
  const listIds = listAsk ? [requirement(draft, "page", `A page listing every ${listTitle.toLowerCase()}`, listAsk.from, listAsk.to)] : requirementIds;
  addSection(draft, pageFor(draft, `/${entityName.toLowerCase()}s`, listTitle, `Every ${listTitle.toLowerCase()}`), { type: "records", title: listTitle, entity: entityName, create: false, requirementIds: listIds });
}

const occasionWords = new Set(["party", "wedding", "birthday", "celebration", "anniversary", "reunion", "barbecue", "bbq", "dinner", "launch", "fundraiser", "fair", "festival", "picnic", "shower", "event", "gala", "concert"]);
const dateWords = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^\d{1,2}(st|nd|rd|th)?$|^\d{4}$/i;

/** "RSVP page for my 30th birthday party on Saturday 14 June": the occasion and when it is. */
function readOccasion(draft: Draft): { title: string; when?: string; from: number; to: number } | undefined {
  const { tokens } = draft.reading;
  const at = tokens.findIndex((t, i) => occasionWords.has(t.lemma) && !occasionWords.has(tokens[i + 1]?.lemma ?? "") && !isClaimed(draft, i, i + 1));
  if (at < 0) return undefined;
  let from = at;
  while (from > 0 && at - from < 4 && (tokens[from - 1]!.isWord || tokens[from - 1]!.isNumber) && !["for", "my", "our", "the", "a", "an", "page", "site", "website", "rsvp"].includes(tokens[from - 1]!.word)) from--;
  let to = at + 1;
  let when: string | undefined;
  if (["on", "at"].includes(tokens[to]?.word ?? "") && dateWords.test(tokens[to + 1]?.text ?? "")) {
    let end = to + 1;
    while (tokens[end] && (dateWords.test(tokens[end]!.text) || tokens[end]!.text === ",")) end++;
    when = draft.reading.prompt.slice(tokens[to + 1]!.start, tokens[end - 1]!.end);
    to = end;
  }
  const words = draft.reading.prompt.slice(tokens[from]!.start, tokens[at]!.end);
  const title = words.replace(/(^|\s)([a-z])/g, (_, space: string, c: string) => space + c.toUpperCase()).slice(0, 60);
  return { title, when, from, to };
}
