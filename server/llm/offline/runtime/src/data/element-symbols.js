// Quiz: chemical elements and their symbols, both ways: every element is asked once as
// "symbol → name" and once as "name → symbol"; a round mixes both kinds. Wrong options come from
// the same kind of answer (names for names, symbols for symbols).
import { elements } from "./elements.js";

/** @type {import("../content/questions.js").Dataset} */
export const dataset = {
  id: "element-symbols",
  title: "Chemical elements",
  items: elements.flatMap((element) => [
    { prompt: "Which element has the symbol " + element.symbol + "?", answer: element.name, accept: element.alsoName, kind: "name" },
    // Symbols are case-sensitive in chemistry (Co is cobalt, CO is carbon monoxide).
    { prompt: "What is the symbol for " + element.name + "?", answer: element.symbol, kind: "symbol", caseSensitive: true },
  ]),
};
