// The tool registry: a tool section's `tool` id → its module. The ids are the contract with the
// compiler's catalog (server/llm/offline/catalog/tools.ts). Every tool module exports
// render(container, config, { app, prefs, section }) → cleanup | undefined.
import * as age from "./age.js";
import * as bmi from "./bmi.js";
import * as calculator from "./calculator.js";
import * as currencyConverter from "./currency-converter.js";
import * as mortgage from "./mortgage.js";
import * as passwordGenerator from "./password-generator.js";
import * as percentage from "./percentage.js";
import * as recipeScaler from "./recipe-scaler.js";
import * as tipSplit from "./tip-split.js";
import * as unitConverter from "./unit-converter.js";
import * as wordCounter from "./word-counter.js";

/** @type {Record<string, { render: (container: HTMLElement, config: Record<string, any>, context: { app: any, prefs: ReturnType<typeof import("../content/prefs.js").createPrefs>, section: any }) => (() => void) | void }>} */
export const tools = {
  "unit-converter": unitConverter,
  "currency-converter": currencyConverter,
  "tip-split": tipSplit,
  bmi,
  mortgage,
  "word-counter": wordCounter,
  "password-generator": passwordGenerator,
  "recipe-scaler": recipeScaler,
  calculator,
  percentage,
  "age-calculator": age,
};
