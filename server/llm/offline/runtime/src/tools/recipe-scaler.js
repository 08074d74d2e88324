// Recipe scaler: ingredients typed as the recipe says them ("200 g flour", "3 eggs", "1 1/2 cups
// milk", "½ tsp salt", "salt to taste"), the servings the recipe is for, and the servings wanted;
// every amount scales by wanted ÷ recipe servings (200 g flour for 4 → 400 g for 8). The list and
// the servings are kept across reloads.
import { h } from "../lib/dom.js";
import { formatAmount } from "../content/format.js";
import { button, field, numberInput, readNumber } from "../content/ui.js";

const VULGAR = { "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125 };

/**
 * Splits "200 g flour" into an amount and the rest ("g flour"). No leading amount → amount null.
 * @returns {{ amount: number | null, rest: string }}
 */
export function parseIngredient(line) {
  const text = String(line).trim().replace(/\s+/g, " ");
  const mixed = /^(\d+) (\d+)\/(\d+)\s*(.*)$/.exec(text);
  if (mixed && Number(mixed[3]) > 0) return { amount: Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]), rest: mixed[4] };
  const fraction = /^(\d+)\/(\d+)\s*(.*)$/.exec(text);
  if (fraction && Number(fraction[2]) > 0) return { amount: Number(fraction[1]) / Number(fraction[2]), rest: fraction[3] };
  const plain = /^(\d+(?:[.,]\d+)?)?\s*([½⅓⅔¼¾⅕⅛])?\s*(.*)$/.exec(text);
  if (!plain || (!plain[1] && !plain[2])) return { amount: null, rest: text };
  const amount = (plain[1] ? Number(plain[1].replace(",", ".")) : 0) + (plain[2] ? VULGAR[plain[2]] : 0);
  return { amount, rest: plain[3].trim() };
}

const UNITS = new Set(["g", "kg", "mg", "ml", "l", "cl", "dl", "tsp", "tbsp", "teaspoon", "teaspoons", "tablespoon", "tablespoons", "cup", "cups", "oz", "lb", "lbs", "pinch", "pinches", "slice", "slices", "can", "cans", "clove", "cloves"]);

/** What the line is about, without amount, unit or "of": "200 g of flour" → "flour", for button names. */
export function ingredientName(line) {
  const words = parseIngredient(line).rest.split(" ");
  if (words.length > 1 && UNITS.has(words[0].toLowerCase().replace(/\.$/, ""))) words.shift();
  if (words.length > 1 && words[0].toLowerCase() === "of") words.shift();
  return words.join(" ") || String(line).trim();
}

/** The line with its amount scaled: ("200 g flour", 2) → "400 g flour"; no amount → unchanged. */
export function scaleIngredient(line, factor) {
  const { amount, rest } = parseIngredient(line);
  if (amount === null) return String(line).trim();
  return (formatAmount(amount * factor) + " " + rest).trim();
}

export function render(container, config, { prefs }) {
  const planned = Number(config.baseServings) > 0 ? Number(config.baseServings) : 4;
  /** @type {string[]} */
  let ingredients = prefs.get("ingredients", []);
  const recipeServes = numberInput(prefs.get("recipeServes", planned), { min: "1", step: "any" });
  const servings = numberInput(prefs.get("servings", planned), { min: "0", step: "any" });
  const newIngredient = h("input", { type: "text", autocomplete: "off", placeholder: "200 g flour" });
  const error = h("p", { class: "field-error", "aria-live": "polite" });
  const list = h("ul", { class: "list recipe-ingredients", "aria-label": "Ingredients" });
  const note = h("p", { class: "muted", "aria-live": "polite" });

  function factor() {
    const base = readNumber(recipeServes);
    const wanted = readNumber(servings);
    return base && base > 0 && wanted !== null && wanted >= 0 ? wanted / base : null;
  }

  function show() {
    const f = factor();
    note.textContent = f === null ? "Enter the servings to scale the amounts." : "Amounts for " + formatAmount(readNumber(servings)) + " servings (× " + formatAmount(f) + ").";
    list.replaceChildren(...(ingredients.length
      ? ingredients.map((line, index) => h("li", { class: "recipe-ingredient" },
        h("span", {}, f === null ? line : scaleIngredient(line, f)),
        button("Remove", () => { ingredients = ingredients.filter((_, i) => i !== index); prefs.set("ingredients", ingredients); show(); }, "ghost", { "aria-label": "Remove " + ingredientName(line) })))
      : [h("li", { class: "muted" }, "No ingredients yet")]));
  }

  const form = h("form", { class: "form", "aria-label": "Add an ingredient", novalidate: true },
    h("div", { class: "form-row" }, field("Ingredient", newIngredient, "As the recipe says it, e.g. 200 g flour, 3 eggs, 1/2 tsp salt"), h("button", { type: "submit", class: "btn btn-primary" }, "Add ingredient")),
    error);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const line = newIngredient.value.trim();
    if (!line) {
      error.textContent = "Ingredient is required";
      newIngredient.focus();
      return;
    }
    error.textContent = "";
    // Stored as written for the recipe's servings; scaled only for display.
    ingredients = [...ingredients, line];
    prefs.set("ingredients", ingredients);
    newIngredient.value = "";
    newIngredient.focus();
    show();
  });
  for (const [input, key] of [[recipeServes, "recipeServes"], [servings, "servings"]]) {
    input.addEventListener("input", () => {
      const value = readNumber(input);
      if (value !== null) prefs.set(key, value);
      show();
    });
  }

  container.append(
    h("div", { class: "form-grid form-grid-2" }, field("Recipe serves", recipeServes), field("Servings", servings)),
    form,
    h("h3", {}, "Ingredients"),
    note,
    list);
  show();
}
