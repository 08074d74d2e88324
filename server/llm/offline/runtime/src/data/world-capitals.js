// Quiz: the capitals of the world's countries.
import { countries, countryInSentence } from "./countries.js";

/** @type {import("../content/questions.js").Dataset} */
export const dataset = {
  id: "world-capitals",
  title: "World capitals",
  items: countries.map((country) => ({ prompt: "What is the capital of " + countryInSentence(country.name) + "?", answer: country.capital, accept: country.alsoCapital })),
};
