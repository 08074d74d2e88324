// Date tokens in check values ("a loan due {{today-1}}"), resolved against the page's clock so a
// check means the same thing on any day it runs. Local dates, as a user's date input shows them.

const TOKEN = /\{\{\s*(today|monthStart|yearStart)\s*(?:([+-])\s*(\d{1,4}))?\s*\}\}/g;

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function resolveDateTokens(text: string, now: Date): string {
  return text.replace(TOKEN, (_match, base: string, sign?: string, amount?: string) => {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    if (base === "monthStart") date.setDate(1);
    if (base === "yearStart") date.setMonth(0, 1);
    if (sign && amount) date.setDate(date.getDate() + (sign === "-" ? -1 : 1) * Number(amount));
    return isoDate(date);
  });
}
