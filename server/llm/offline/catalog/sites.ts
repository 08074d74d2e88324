// Words that ask for a website rather than a data app, and for each kind of site section.
export const siteWords = ["landing page", "website", "web site", "site", "homepage", "home page", "portfolio site|website|page", "my|photography|photo|design|art|creative|artist portfolio", "one page", "one-page", "single page", "web page", "webpage", "page for my|our", "rsvp page", "event page"];
/** "for my website", "on our blog": where an app that is one part of a site (a guestbook, a comment wall) goes, not a site to build. */
export const siteDestinationPatterns = ["for|on|in|to|into my|our|the|a|your website|site|blog|homepage|webpage", "for|on|in|to|into my|our|the|a|your web|home page|site"];

/** "a page to see all the bookings", "a list for us of everyone who replied": the owner's list of what a site's form received. */
export const responseListPatterns = [
  "page|list|screen|view to? see|of … all? the? booking|bookings|request|requests|rsvp|rsvps|reply|replies|response|responses|answer|answers|signup|signups|entry|entries",
  "see all|every … request|requests|booking|bookings|rsvp|rsvps|reply|replies|response|responses",
  "page|list|screen|view|table|record … everyone|everybody|anyone|all|people|guests|those|whoever who|that? has|have? replied|responded|answered|rsvped|rsvpd|signed|registered|entered|booked|applied|submitted|filled|replies|responds|answers up|in?",
  "see|show|view who|who's|whos has|have|is|are? replied|responded|answered|rsvped|rsvpd|signed|registered|coming|booked",
];

export type SiteSectionConcept = { section: "menu" | "hours" | "contact" | "contactForm" | "pricing" | "gallery" | "about" | "faq" | "testimonials" | "features"; patterns: string[]; title: string; text: string };

export const siteSectionConcepts: SiteSectionConcept[] = [
  { section: "menu", patterns: ["menu|menus", "price list", "drinks list"], title: "Menu", text: "A menu with prices" },
  { section: "hours", patterns: ["opening|business|trading hours|times", "opening time|times", "hours", "when we are|we're open", "open … day|days"], title: "Opening hours", text: "Opening hours by day" },
  { section: "contactForm", patterns: ["contact|enquiry|inquiry|message form", "contact us form", "form to contact|message|reach"], title: "Contact", text: "A contact form that checks what is typed and thanks the sender" },
  { section: "contact", patterns: ["address", "location", "where to find us", "find us", "directions", "contact details|info|information", "phone number"], title: "Find us", text: "The address and how to get in touch" },
  { section: "pricing", patterns: ["pricing|price package|packages|tier|tiers|plan|plans", "pricing", "packages", "price|prices"], title: "Pricing", text: "Pricing packages with what each includes" },
  { section: "gallery", patterns: ["gallery", "portfolio of|grid", "photo|photos|picture|pictures grid|gallery", "showcase"], title: "Gallery", text: "A gallery of work" },
  { section: "about", patterns: ["about me|us|section|page", "bio", "our story", "who we are"], title: "About", text: "An about section" },
  { section: "faq", patterns: ["faq|faqs", "frequently asked question|questions", "q&a", "questions and answers"], title: "Questions", text: "Frequently asked questions" },
  { section: "testimonials", patterns: ["testimonial|testimonials", "review|reviews|quotes from customers|clients", "what … customers|clients say"], title: "What people say", text: "Testimonials from customers" },
  { section: "features", patterns: ["features|services list|section", "our services", "what we do|offer"], title: "What we offer", text: "What the business offers" },
];

/** Kinds of business and what the hero says about them. */
export const businessKinds: Record<string, string> = {
  café: "café", cafe: "café", coffee: "coffee shop", bakery: "bakery", restaurant: "restaurant", barber: "barbers", barbers: "barbers", salon: "salon",
  photographer: "photographer", studio: "studio", shop: "shop", gym: "gym", pub: "pub", bar: "bar", florist: "florist", plumber: "plumber", tutor: "tutor",
};

/** Money written beside a number: "£4.50", "$25", "2.50 EUR", "3 euros" (symbols before, codes and words after). */
export const currencySymbols = ["£", "$", "€", "¥", "₹"];
export const currencyWords = ["eur", "euro", "euros", "usd", "gbp", "dollar", "dollars", "quid", "aud", "cad", "chf", "nzd"];
/** Verbs that introduce what a business sells with its prices ("We sell sourdough £4.50", "we do haircuts for $25"), and the price list's heading for each. */
export const priceListVerbs: Record<string, string> = { sell: "What we sell", do: "What we do", offer: "What we offer", serve: "What we serve", make: "What we make", bake: "What we bake", stock: "What we stock", have: "What we have", charge: "Prices" };
/** Kinds of business whose price list is a menu (a barber's is a price list). */
export const menuKinds = ["café", "coffee shop", "bakery", "restaurant", "pub", "bar", "pizzeria", "takeaway", "juice bar"];

/** Day words in opening hours ("Tue-Sat", "Mon–Fri", "weekends", "Sundays"), by their full names. */
export const dayWords: Record<string, string> = {
  mon: "Monday", monday: "Monday", tue: "Tuesday", tues: "Tuesday", tuesday: "Tuesday", wed: "Wednesday", weds: "Wednesday", wednesday: "Wednesday",
  thu: "Thursday", thur: "Thursday", thurs: "Thursday", thursday: "Thursday", fri: "Friday", friday: "Friday", sat: "Saturday", saturday: "Saturday",
  sun: "Sunday", sunday: "Sunday", weekday: "Weekdays", weekend: "Weekends", daily: "Every day", everyday: "Every day",
};
/** Words joining two days or two times into a range: "Tue-Sat", "Monday to Friday", "8am until 3pm". */
export const rangeWords = ["-", "–", "—", "to", "till", "til", "until", "through", "thru"];
/** Words that say a run of days and times are opening hours ("Open Tue-Sat 8am-3pm", "closed Sundays"). */
export const openWords = ["open", "opening", "hours", "closed", "shut"];
