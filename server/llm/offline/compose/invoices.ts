// Totals worked out from a record's lines and what is still owed: "create invoices for a client
// with line items (description, quantity, unit price). Calculate the invoice total and show the
// total owed per client for unpaid invoices". An invoice's total is the sum of its lines' amounts
// (quantity × unit price); a client's owed is the sum of the totals of its invoices not yet paid.
// Both are computed values (app-spec.ts), so they are never typed in and never drift.
import pluralize from "pluralize";
import { lineQuantityFields, linePriceFields, owedPatterns, owingWords, settledField, totalVerbs, totalWords, unsettledWords } from "../catalog/invoices";
import type { TValueExpr } from "~/server/plan/app-spec";
import { findAny } from "../understand/match-pattern";
import { isClaimed, requirement, type Draft, type EntityDraft } from "./draft";
import { addField, labelOf } from "./records";

/** The entity a token names (its name, singular or plural label), or undefined. */
function entityAt(draft: Draft, at: number): EntityDraft | undefined {
  const token = draft.reading.tokens[at];
  if (!token?.isWord) return undefined;
  const word = token.word.replace(/'s$|'$/, "");
  const names = (e: EntityDraft) => [e.name.toLowerCase(), labelOf(e), e.pluralLabel.toLowerCase()];
  return [...draft.entities.values()].find((e) => names(e).some((w) => w === token.lemma || w === word || w === pluralize.singular(word)));
}

const childrenOf = (draft: Draft, parent: EntityDraft): EntityDraft[] => [...draft.entities.values()].filter((e) => e.belongsTo.includes(parent.name));

/** A line's amount: quantity × price, or its price alone; undefined when the line has no number to total. */
function lineAmount(line: EntityDraft): TValueExpr | undefined {
  const numeric = line.fields.filter((f) => f.type === "number" || f.type === "money");
  const quantity = lineQuantityFields.map((n) => numeric.find((f) => f.name === n)).find(Boolean);
  const price = linePriceFields.map((n) => numeric.find((f) => f.name === n && f !== quantity)).find(Boolean);
  if (quantity && price) return { op: "mul", args: [{ field: String(quantity.name) }, { field: String(price.name) }] };
  if (price) return { field: String(price.name) };
  return undefined;
}

/** "the invoice total", "each order's total", "the total of each invoice": the record totalled and the words. */
function totalMentions(draft: Draft): { entity: EntityDraft; from: number; to: number }[] {
  const { tokens } = draft.reading;
  const found: { entity: EntityDraft; from: number; to: number }[] = [];
  tokens.forEach((token, at) => {
    if (!totalWords.includes(token.lemma) || isClaimed(draft, at, at + 1)) return;
    let entity = entityAt(draft, at - 1);
    let [from, to] = [at - 1, at + 1];
    if (!entity && tokens[at + 1]?.word === "of") {
      let j = at + 2;
      while (tokens[j] && ["each", "every", "the", "an", "a"].includes(tokens[j]!.word)) j++;
      entity = entityAt(draft, j);
      [from, to] = [at, j + 1];
    }
    // The record's own words may already name it as a record ("each invoice's total"); the total is what must be free.
    if (!entity) return;
    if (["the", "each", "every"].includes(tokens[from - 1]?.word ?? "")) from--;
    if (totalVerbs.includes(tokens[from - 1]?.lemma ?? "")) from--;
    found.push({ entity, from, to });
  });
  return found;
}

export function composeInvoices(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const mention of totalMentions(draft)) {
    const { entity } = mention;
    const line = childrenOf(draft, entity).map((c) => ({ c, amount: lineAmount(c) })).find((x) => x.amount);
    if (!line || entity.computed.some((c) => c.name === "total")) continue;
    const id = requirement(draft, "computed", `Each ${labelOf(entity)}'s total is worked out from its ${line.c.pluralLabel.toLowerCase()}`, mention.from, mention.to);
    entity.computed.push({ name: "total", label: "Total", expr: { agg: "sum", entity: line.c.name, of: line.amount! }, format: "money", requirementIds: [id] });
  }

  const owed = findAny(tokens, owedPatterns);
  // "how much each client owes": the client is a record already; the owing must be free.
  const owing = owed && tokens.slice(owed.from, owed.to).findIndex((t) => owingWords.includes(t.lemma) || owingWords.includes(t.word));
  if (!owed || owing === undefined || owing < 0 || isClaimed(draft, owed.from + owing, owed.from + owing + 1)) return;
  // Whose: the record named just after ("per client"), or inside "how much each client owes".
  let owner: EntityDraft | undefined;
  let to = owed.to;
  for (let i = owed.from; i < Math.min(owed.to + 2, tokens.length) && !owner; i++) {
    owner = entityAt(draft, i);
    if (owner) to = Math.max(to, i + 1);
  }
  if (!owner) return;
  // What is owed on: the owner's records that have a total (or an amount of their own).
  const bills = childrenOf(draft, owner).map((e) => ({ e, amount: e.computed.some((c) => c.name === "total") ? ({ field: "total" } as TValueExpr) : lineAmount(e) })).filter((x) => x.amount);
  const bill = bills[0];
  if (!bill || bills.length > 1) return;
  // "for unpaid invoices": part of the ask; a bill counts until it is marked paid.
  const after = tokens.slice(to, to + 4);
  const unsettledAt = after.findIndex((t) => unsettledWords.includes(t.word));
  if (unsettledAt >= 0 && ["for", "of", "on", "from", "in", "across"].includes(after[0]?.word ?? "")) {
    to += unsettledAt + 1;
    if (entityAt(draft, to) === bill.e) to++;
  }
  const id = requirement(draft, "computed", `Each ${labelOf(owner)} shows the total of their ${bill.e.pluralLabel.toLowerCase()} not yet ${settledField}`, owed.from, to);
  const paid = bill.e.fields.find((f) => f.name === settledField) ?? addField(bill.e, { name: settledField, label: "Paid", type: "boolean", defaultValue: false }, id);
  if (paid.type !== "boolean") return;
  owner.computed.push({ name: "owed", label: "Owed", expr: { agg: "sum", entity: bill.e.name, of: bill.amount!, where: [{ field: settledField, op: "isFalse" }] }, format: "money", requirementIds: [id] });
}
