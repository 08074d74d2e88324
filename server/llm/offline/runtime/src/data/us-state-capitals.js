// Quiz: the capitals of the 50 US states.
import { usStates } from "./us-states.js";

/** @type {import("../content/questions.js").Dataset} */
export const dataset = {
  id: "us-state-capitals",
  title: "US state capitals",
  items: usStates.map((state) => ({ prompt: "What is the capital of " + state.name + "?", answer: state.capital })),
};
