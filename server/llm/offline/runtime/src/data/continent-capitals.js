// Quizzes: the capitals of one continent's countries (as countries.js files them), one data set
// per continent: "asia-capitals", "africa-capitals", "north-america-capitals",
// "south-america-capitals", "oceania-capitals". Europe's is europe-capitals.js.
import { countries, countryInSentence } from "./countries.js";

/** @typedef {import("./countries.js").Continent} Continent */

/** @type {[string, Continent, string][]} id, continent, title */
const continents = [
  ["asia-capitals", "Asia", "Asian capitals"],
  ["africa-capitals", "Africa", "African capitals"],
  ["north-america-capitals", "North America", "North American capitals"],
  ["south-america-capitals", "South America", "South American capitals"],
  ["oceania-capitals", "Oceania", "Oceanian capitals"],
];

/** @type {Record<string, import("../content/questions.js").Dataset>} */
export const continentCapitals = Object.fromEntries(continents.map(([id, continent, title]) => [id, {
  id,
  title,
  items: countries
    .filter((country) => country.continent === continent)
    .map((country) => ({ prompt: "What is the capital of " + countryInSentence(country.name) + "?", answer: country.capital, accept: country.alsoCapital })),
}]));
