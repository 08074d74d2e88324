// Password generator: cryptographically random (crypto.getRandomValues, unbiased), with at least
// one character of every kind that is switched on (a lower-case and an upper-case letter, a digit
// when numbers are on, a symbol when symbols are on), the rest from all of them, in a random
// order. Shows what the password holds, and copies it with a "Copied" hint.
import { h } from "../lib/dom.js";
import { button, checkbox, field, figure, numberInput, readNumber } from "../content/ui.js";

// Letters leave out the look-alikes l, I and O, so a password can be read out or typed from paper.
export const characterSets = {
  lower: "abcdefghijkmnopqrstuvwxyz",
  upper: "ABCDEFGHJKLMNPQRSTUVWXYZ",
  digits: "0123456789",
  symbols: "!@#$%^&*()-_=+[]{};:,.?/",
};
export const MIN_LENGTH = 4;
export const MAX_LENGTH = 128;

/** A uniformly random integer in [0, n), by rejection sampling over 32-bit values. */
function randomBelow(n, random) {
  const limit = Math.floor(0x100000000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    random(buffer);
    if (buffer[0] < limit) return buffer[0] % n;
  }
}

/**
 * @param {{ length: number, numbers: boolean, symbols: boolean }} options
 * @param {(buffer: Uint32Array) => void} [random] fills the buffer with random values (crypto by default)
 */
export function generatePassword(options, random = (buffer) => void crypto.getRandomValues(buffer)) {
  const sets = [characterSets.lower, characterSets.upper];
  if (options.numbers) sets.push(characterSets.digits);
  if (options.symbols) sets.push(characterSets.symbols);
  const length = Math.max(MIN_LENGTH, Math.min(MAX_LENGTH, Math.floor(options.length) || 16));
  const all = sets.join("");
  const chars = sets.map((set) => set[randomBelow(set.length, random)]);
  while (chars.length < length) chars.push(all[randomBelow(all.length, random)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1, random);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

/** How many characters, digits and symbols a password has, and the kinds it holds in words. */
export function describePassword(password) {
  const chars = [...password];
  const digits = chars.filter((c) => characterSets.digits.includes(c)).length;
  const symbols = chars.filter((c) => characterSets.symbols.includes(c)).length;
  const kinds = [/[a-z]/i.test(password) ? "letters" : "", digits ? "numbers" : "", symbols ? "symbols" : ""].filter(Boolean);
  const includes = kinds.length > 1 ? kinds.slice(0, -1).join(", ") + " and " + kinds.at(-1) : kinds.length ? kinds[0] + " only" : "nothing";
  return { length: chars.length, digits, symbols, includes };
}

/** Copies text: the Clipboard API, else the older selection copy. Resolves to whether it worked. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { class: "sr-only", readonly: true, "aria-hidden": "true", tabindex: "-1" });
    area.value = text;
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      // The fallback for browsers or frames without clipboard permission.
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

export function render(container, config) {
  const length = numberInput(Number(config.length) || 16, { min: String(MIN_LENGTH), max: String(MAX_LENGTH), step: "1", inputmode: "numeric" });
  const numbers = checkbox("Include numbers", config.numbers !== false);
  const symbols = checkbox("Include symbols", config.symbols !== false);
  const password = figure("Password", "password-value");
  // What the password really holds, read from it (not from the options), so it can be trusted.
  const counts = { length: figure("Characters"), includes: figure("Includes") };
  const hint = h("p", { class: "copy-hint", role: "status" });
  const error = h("p", { class: "field-error", "aria-live": "polite" });
  let current = "";

  function generate() {
    const wanted = config.chooseLength ? readNumber(length) : Number(config.length) || 16;
    if (wanted === null || wanted < MIN_LENGTH || wanted > MAX_LENGTH) {
      error.textContent = "Choose a length from " + MIN_LENGTH + " to " + MAX_LENGTH;
      return;
    }
    error.textContent = "";
    current = generatePassword({ length: wanted, numbers: numbers.box.checked, symbols: symbols.box.checked });
    password.set(current);
    const described = describePassword(current);
    counts.length.set(String(described.length));
    counts.includes.set(described.includes);
    hint.textContent = "";
  }
  for (const control of [length, numbers.box, symbols.box]) control.addEventListener("change", generate);

  const copyButton = button("Copy", async () => {
    if (!current) return;
    hint.textContent = (await copyText(current)) ? "Copied" : "Could not copy: select the password and press Ctrl+C";
  });
  container.append(
    h("div", { class: "password-options" }, config.chooseLength ? field("Length", length) : null, config.chooseCharacters ? [numbers.element, symbols.element] : null),
    error,
    password.element,
    h("div", { class: "form-actions" }, button("Generate", generate, "primary"), config.copy ? copyButton : null),
    hint,
    h("div", { class: "figures figures-small" }, counts.length.element, counts.includes.element));
  generate();
}
