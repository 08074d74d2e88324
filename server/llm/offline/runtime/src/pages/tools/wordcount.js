// Word counter: live counts of a draft that is kept between visits.
import { h } from "../../lib/dom.js";
import { formatNumber } from "../../lib/format.js";
import { toolPage } from "./tool-page.js";

export function countText(text) {
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  const sentences = (text.match(/[^.!?]*[^.!?\s][^.!?]*(?:[.!?]+|$)/g) || []).length;
  return { words, characters: text.length, sentences, minutes: Math.max(words ? 1 : 0, Math.ceil(words / 200)) };
}

export function render(root, { page, store }) {
  const text = h("textarea", { id: "wc-text", rows: 10, placeholder: "Paste or type your text…", value: store.getPref("wordcount.text", "") });
  const outs = { words: h("p", { class: "stat-value" }), characters: h("p", { class: "stat-value" }), sentences: h("p", { class: "stat-value" }), minutes: h("p", { class: "stat-value" }) };
  function update() {
    const counts = countText(text.value);
    outs.words.textContent = formatNumber(counts.words);
    outs.characters.textContent = formatNumber(counts.characters);
    outs.sentences.textContent = formatNumber(counts.sentences);
    outs.minutes.textContent = counts.minutes + " min";
    store.setPref("wordcount.text", text.value);
  }
  text.addEventListener("input", update);
  const stat = (label, out) => h("div", { class: "card stat" }, h("p", { class: "stat-label" }, label), out);
  toolPage(root, page,
    h("div", { class: "stats" }, stat("Words", outs.words), stat("Characters", outs.characters), stat("Sentences", outs.sentences), stat("Reading time", outs.minutes)),
    h("section", { class: "card tool-card" }, h("div", { class: "field" }, h("label", { for: text.id }, "Text"), text)));
  update();
}
