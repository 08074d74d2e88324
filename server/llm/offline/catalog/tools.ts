// The calculators, converters and generators the browser runtime provides (runtime/src/tools/<id>.js),
// by the words people ask for them with, and the configuration each takes. The `id`s are the
// contract with the content runtime: a tool section names one of these.

export type ToolConcept = {
  id: string;
  patterns: string[];
  title: string;
  /** The app's name when the prompt names no other. */
  appName: string;
  text: string;
  /** Default configuration; the composer adds what the prompt says (pairs, currencies, servings). */
  config: Record<string, string | number | boolean | null | (string | number)[]>;
};

export const toolConcepts: ToolConcept[] = [
  { id: "unit-converter", patterns: ["unit converter|conversion|convertor", "convert|converts|converting unit|units|km|mile|miles|kg|celsius|fahrenheit|cm|inch|inches", "converter"], title: "Unit converter", appName: "Unit Converter", text: "Convert between units", config: { pairs: ["km-mi", "kg-lb", "c-f"], bothDirections: true } },
  { id: "currency-converter", patterns: ["currency|currencies|exchange converter|conversion|calculator", "convert|converts currency|currencies|money"], title: "Currency converter", appName: "Currency Converter", text: "Convert between currencies", config: { currencies: ["EUR", "USD", "GBP"], editableRates: true, history: false } },
  { id: "tip-split", patterns: ["tip|tips calculator|calculator|splitter", "split|splits|splitting the? bill|bills|check", "bill splitter", "gratuity"], title: "Tip calculator", appName: "Tip Calculator", text: "Work out the tip and total", config: { tipPercents: [10, 15, 20], split: false } },
  { id: "bmi", patterns: ["bmi calculator|calc|checker?", "body mass index? calculator?"], title: "BMI calculator", appName: "BMI Calculator", text: "Work out body mass index", config: { units: ["metric"], categories: true } },
  { id: "mortgage", patterns: ["mortgage|repayment|amortization|amortisation calculator|table|schedule?", "loan|mortgage repayment|payment calculator", "mortgage"], title: "Mortgage calculator", appName: "Mortgage Calculator", text: "Work out the monthly payment", config: { showTotalInterest: false, amortization: false } },
  { id: "word-counter", patterns: ["word|character|letter counter|count|counts", "count|counts|counting the? word|words|characters", "reading time"], title: "Word counter", appName: "Word Counter", text: "Count words as you type", config: { characters: false, readingTime: false, wordsPerMinute: 225 } },
  { id: "password-generator", patterns: ["password|passphrase generator|maker|creator", "generate|generates|make … password|passwords", "random password"], title: "Password generator", appName: "Password Generator", text: "Generate random passwords", config: { length: 16, chooseLength: false, numbers: true, symbols: true, copy: false } },
  { id: "recipe-scaler", patterns: ["recipe|ingredient|ingredients scaler|scaling|multiplier", "scale|scales|scaling … recipe|recipes|ingredient|ingredients|serving|servings", "recalc|recalculate|recalculates … amount|amounts|quantity|quantities"], title: "Recipe scaler", appName: "Recipe Scaler", text: "Scale a recipe's amounts to a number of servings", config: { baseServings: 4 } },
  { id: "percentage", patterns: ["percentage|percent calculator|calc", "percentage|percent change|increase|decrease calculator"], title: "Percentage calculator", appName: "Percentage Calculator", text: "Work out percentages", config: {} },
  { id: "age-calculator", patterns: ["age calculator", "how old am|is|are i|you|someone|somebody"], title: "Age calculator", appName: "Age Calculator", text: "Work out an age from a date of birth", config: {} },
  { id: "calculator", patterns: ["calculator", "arithmetic"], title: "Calculator", appName: "Calculator", text: "Do arithmetic", config: {} },
];

/** Units the unit converter knows, by the words people use; pairs are "<from>-<to>" of these ids. */
export const unitWords: Record<string, string> = {
  km: "km", kilometre: "km", kilometer: "km", kilometres: "km", kilometers: "km",
  mile: "mi", miles: "mi", mi: "mi",
  kg: "kg", kilo: "kg", kilos: "kg", kilogram: "kg", kilograms: "kg",
  lb: "lb", lbs: "lb", pound: "lb", pounds: "lb",
  celsius: "c", centigrade: "c", fahrenheit: "f",
  cm: "cm", centimetre: "cm", centimeter: "cm", inch: "in", inches: "in",
  m: "m", metre: "m", meter: "m", metres: "m", meters: "m", foot: "ft", feet: "ft", ft: "ft",
  litre: "l", liter: "l", litres: "l", liters: "l", gallon: "gal", gallons: "gal",
  g: "g", gram: "g", grams: "g", ounce: "oz", ounces: "oz", oz: "oz", ml: "ml", cup: "cup", cups: "cup",
};

/** What each unit measures: only units of one dimension convert ("kg to lb", not "lb and celsius"). */
export const unitDimensions: Record<string, "length" | "mass" | "temperature" | "volume"> = {
  km: "length", mi: "length", cm: "length", in: "length", m: "length", ft: "length",
  kg: "mass", lb: "mass", g: "mass", oz: "mass",
  c: "temperature", f: "temperature",
  l: "volume", gal: "volume", ml: "volume", cup: "volume",
};

/** Currency words to ISO codes. */
export const currencyWords: Record<string, string> = {
  eur: "EUR", euro: "EUR", euros: "EUR", usd: "USD", dollar: "USD", dollars: "USD", gbp: "GBP", pound: "GBP", pounds: "GBP", sterling: "GBP",
  jpy: "JPY", yen: "JPY", chf: "CHF", franc: "CHF", cad: "CAD", aud: "AUD", inr: "INR", rupee: "INR", rupees: "INR", cny: "CNY", yuan: "CNY", sek: "SEK", nok: "NOK", dkk: "DKK", pln: "PLN", zloty: "PLN", mxn: "MXN",
};
