// Quiz: which country a flag belongs to. Flags are emoji (regional-indicator pairs) drawn by the
// system's emoji font: no image files, nothing fetched. A system without flag emoji (Windows)
// shows the country's two-letter code instead, which is a hint, not a picture.
import { countries, flagEmoji } from "./countries.js";

/** @type {import("../content/questions.js").Dataset} */
export const dataset = {
  id: "world-flags",
  title: "Flags of the world",
  items: countries.map((country) => ({ prompt: "Which country has this flag?", display: flagEmoji(country.code), answer: country.name })),
};
