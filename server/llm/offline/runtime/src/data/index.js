// The quiz data sets by id: the ids the compiler's catalog (server/llm/offline/catalog/content.ts)
// puts in a quiz section's `dataset`. "elements" is another name for "element-symbols"; each continent has its capitals (continent-capitals.js).
import { dataset as elementSymbols } from "./element-symbols.js";
import { dataset as europeCapitals } from "./europe-capitals.js";
import { dataset as usStateCapitals } from "./us-state-capitals.js";
import { dataset as worldCapitals } from "./world-capitals.js";
import { dataset as worldFlags } from "./world-flags.js";
import { continentCapitals } from "./continent-capitals.js";

/** @type {Record<string, import("../content/questions.js").Dataset>} */
export const datasets = {
  "europe-capitals": europeCapitals,
  "world-capitals": worldCapitals,
  "us-state-capitals": usStateCapitals,
  "element-symbols": elementSymbols,
  elements: elementSymbols,
  "world-flags": worldFlags,
  ...continentCapitals,
};
