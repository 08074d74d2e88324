// Word counter: words, characters (with and without spaces) and reading time, live as you type;
// the draft is kept across reloads.
import { h } from "../lib/dom.js";
import { field, figure } from "../content/ui.js";

/** A word is a run of non-space characters with at least one letter or digit ("—" alone is not). */
export function countWords(text) {
  return String(text).split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * The counts a writer looks at. Reading time rounds up to whole minutes at `wordsPerMinute`
 * (about 200–250 for adults reading prose); no words, no minutes.
 */
export function countText(text, wordsPerMinute) {
  const value = String(text);
  const words = countWords(value);
  const wpm = wordsPerMinute > 0 ? wordsPerMinute : 225;
  return {
    words,
    characters: [...value].length,
    charactersNoSpaces: [...value.replace(/\s/g, "")].length,
    readingMinutes: words ? Math.ceil(words / wpm) : 0,
  };
}

export function render(container, config, { prefs }) {
  const wpm = Number(config.wordsPerMinute) || 225;
  const text = h("textarea", { rows: 10, placeholder: "Type or paste your text…", value: prefs.get("text", "") });
  const words = figure("Words");
  const characters = figure("Characters");
  const noSpaces = figure("Characters without spaces");
  const reading = figure("Reading time");
  function update() {
    const counts = countText(text.value, wpm);
    words.set(counts.words.toLocaleString("en-US"));
    characters.set(counts.characters.toLocaleString("en-US"));
    noSpaces.set(counts.charactersNoSpaces.toLocaleString("en-US"));
    reading.set(counts.readingMinutes + " min");
    prefs.set("text", text.value);
  }
  text.addEventListener("input", update);
  container.append(
    field("Text", text),
    h("div", { class: "figures" }, words.element, config.characters ? [characters.element, noSpaces.element] : null, config.readingTime ? reading.element : null),
    config.readingTime ? h("p", { class: "muted" }, "Reading time at " + wpm + " words a minute.") : null);
  update();
}
