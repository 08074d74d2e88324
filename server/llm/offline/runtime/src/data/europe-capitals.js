// Quiz: the capitals of Europe's countries (every country countries.js files under Europe).
import { countries, countryInSentence } from "./countries.js";

/** @type {import("../content/questions.js").Dataset} */
export const dataset = {
  id: "europe-capitals",
  title: "European capitals",
  items: countries
    .filter((country) => country.continent === "Europe")
    .map((country) => ({ prompt: "What is the capital of " + countryInSentence(country.name) + "?", answer: country.capital, accept: country.alsoCapital })),
};
