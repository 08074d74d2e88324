// Content the apps can ship: bundled quiz data sets (their ids are the contract with the content
// runtime's runtime/src/data/<id>.js), and sensible items for a site when the prompt names the
// groups but not the items (a café's coffees, cakes and sandwiches).

export type Dataset = { id: string; patterns: string[]; title: string; appName: string; text: string };

/** Continents the bundled country data files countries under (besides Europe), and the words that name them. */
export const continents: { id: string; words: string; title: string; name: string }[] = [
  { id: "asia-capitals", words: "asia|asian", title: "Asian capitals", name: "Asia" },
  { id: "africa-capitals", words: "africa|african", title: "African capitals", name: "Africa" },
  { id: "north-america-capitals", words: "north america|american", title: "North American capitals", name: "North America" },
  { id: "south-america-capitals", words: "south|latin america|american", title: "South American capitals", name: "South America" },
  { id: "oceania-capitals", words: "oceania|oceanian|australasia|australasian|pacific", title: "Oceanian capitals", name: "Oceania" },
];

function continentDatasets(): Dataset[] {
  return continents.map((c) => ({
    id: c.id,
    patterns: [`capital|capitals … ${c.words}`, `${c.words} capital|capitals`],
    title: c.title,
    appName: `${c.name} Capitals Quiz`,
    text: `Questions on the capitals of ${c.name}'s countries`,
  }));
}

/** Regions people name that the bundled country data does not group countries by: a capitals quiz on them is not supported as asked. */
export const regionsWithoutData = ["central america", "caribbean", "middle east", "middle eastern", "scandinavia", "scandinavian", "nordic", "baltic", "balkan", "balkans", "antarctica", "antarctic", "arctic", "eu", "commonwealth", "arab"];

/** Words after a data set's subject that only restate it: "capitals of european countries", "european capital cities", "capitals of the world". */
export const datasetQualifierPatterns = ["country|countries|nation|nations|city|cities|state|states", "of|in|around the world"];

export const datasets: Dataset[] = [
  { id: "europe-capitals", patterns: ["capital|capitals … europe|european", "european capital|capitals"], title: "European capitals", appName: "Europe Capitals Quiz", text: "Questions on the capitals of European countries" },
  // One capitals set per continent of the bundled country data (runtime/src/data/continent-capitals.js).
  ...continentDatasets(),
  // Before the world's capitals, whose last pattern is any mention of capitals.
  { id: "us-state-capitals", patterns: ["state capital|capitals", "capital|capitals … state|states|america|usa|us"], title: "US state capitals", appName: "State Capitals Quiz", text: "Questions on the capitals of US states" },
  { id: "world-capitals", patterns: ["capital|capitals … world|country|countries", "world capital|capitals", "capital|capitals"], title: "World capitals", appName: "Capitals Quiz", text: "Questions on the capitals of the world's countries" },
  { id: "element-symbols", patterns: ["periodic table", "element|elements symbol|symbols", "chemical symbol|symbols"], title: "Chemical elements", appName: "Elements Quiz", text: "Questions on chemical element symbols" },
  { id: "world-flags", patterns: ["flag|flags … world|country|countries", "flag|flags"], title: "Flags", appName: "Flags Quiz", text: "Questions on the flags of the world's countries" },
];

/** Menu items by group word, for a menu whose groups the prompt names without items. */
export const menuItems: Record<string, { name: string; price: string }[]> = {
  coffee: [{ name: "Espresso", price: "£2.40" }, { name: "Flat white", price: "£3.20" }, { name: "Cappuccino", price: "£3.30" }, { name: "Latte", price: "£3.40" }],
  tea: [{ name: "English breakfast", price: "£2.50" }, { name: "Earl Grey", price: "£2.60" }, { name: "Fresh mint", price: "£2.80" }],
  drink: [{ name: "Latte", price: "£3.40" }, { name: "Flat white", price: "£3.20" }, { name: "Hot chocolate", price: "£3.50" }, { name: "Fresh orange juice", price: "£3.00" }],
  cake: [{ name: "Victoria sponge", price: "£3.80" }, { name: "Carrot cake", price: "£4.00" }, { name: "Chocolate brownie", price: "£3.20" }],
  sandwich: [{ name: "Cheese & pickle", price: "£5.50" }, { name: "Ham & mustard", price: "£6.00" }, { name: "Falafel & hummus", price: "£6.20" }],
  pastry: [{ name: "Croissant", price: "£2.60" }, { name: "Pain au chocolat", price: "£2.90" }, { name: "Cinnamon bun", price: "£3.20" }],
  bread: [{ name: "Sourdough loaf", price: "£4.50" }, { name: "Seeded rye", price: "£4.20" }, { name: "Baguette", price: "£2.20" }],
  breakfast: [{ name: "Full breakfast", price: "£9.50" }, { name: "Avocado toast", price: "£7.50" }, { name: "Porridge with berries", price: "£5.00" }],
  lunch: [{ name: "Soup of the day", price: "£6.00" }, { name: "Quiche & salad", price: "£8.50" }],
  pizza: [{ name: "Margherita", price: "£9.00" }, { name: "Pepperoni", price: "£11.00" }, { name: "Veggie", price: "£10.50" }],
  starter: [{ name: "Garlic bread", price: "£4.50" }, { name: "Soup of the day", price: "£5.50" }],
  main: [{ name: "Fish & chips", price: "£13.50" }, { name: "Mushroom risotto", price: "£12.00" }],
  dessert: [{ name: "Sticky toffee pudding", price: "£6.00" }, { name: "Ice cream", price: "£4.50" }],
  cocktail: [{ name: "Mojito", price: "£8.50" }, { name: "Negroni", price: "£9.00" }],
  beer: [{ name: "Pale ale", price: "£5.20" }, { name: "Lager", price: "£4.90" }],
  wine: [{ name: "House red (glass)", price: "£6.50" }, { name: "House white (glass)", price: "£6.50" }],
  smoothie: [{ name: "Berry blast", price: "£4.50" }, { name: "Green machine", price: "£4.80" }],
  haircut: [{ name: "Skin fade", price: "£18" }, { name: "Beard trim", price: "£10" }, { name: "Kids cut", price: "£12" }],
};

/** Menus for a business whose prompt names no groups, by the kind of business. */
export const menusByBusiness: Record<string, string[]> = {
  cafe: ["coffee", "cake", "sandwich"], café: ["coffee", "cake", "sandwich"], coffee: ["coffee", "cake", "pastry"], bakery: ["bread", "pastry", "cake"],
  restaurant: ["starter", "main", "dessert"], pizzeria: ["pizza", "drink"], bar: ["cocktail", "beer", "wine"], pub: ["beer", "wine", "main"],
  barber: ["haircut"], barbers: ["haircut"], juice: ["smoothie"],
};

export const defaultHours = [
  { days: "Monday – Friday", hours: "8:00 – 17:00" },
  { days: "Saturday", hours: "9:00 – 17:00" },
  { days: "Sunday", hours: "10:00 – 16:00" },
];

export const dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
