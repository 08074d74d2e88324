/** A field name the data layer accepts, from a label someone typed ("Due date" → "dueDate"). */
export function fieldNameFromLabel(label: string): string {
  const words = label.replace(/[^A-Za-z0-9 ]+/g, " ").trim().split(/\s+/).filter(Boolean);
  const camel = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join("");
  return /^[A-Za-z]/.test(camel) ? camel.slice(0, 40) : `field${camel}`.slice(0, 40);
}
