// The accessible names of the check-ins, board, sequence and feed sections: one place that both
// the sections (in the browser) and their acceptance checks (blocks/data/widgets-checks.ts, in
// Node) read, so what a check looks for is exactly what the app shows. Pure: no DOM.
import { formatLongDate, isoDate, pad2 } from "../content/format.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-03-10" → a local Date at noon (noon: no daylight-saving edge moves it to another day). */
export function dateOfIso(iso) {
  const [y, m, d] = String(iso).split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}

/** The day a check-in list shows, as read: "Tuesday 10 March 2026". */
export function dayText(iso) {
  return formatLongDate(dateOfIso(iso));
}

/** The ISO date `days` away from `iso` (local calendar days). */
export function shiftDay(iso, days) {
  const date = dateOfIso(iso);
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

/** The month a monthly check-in list shows: "March 2026". */
export function monthText(iso) {
  const [y, m] = String(iso).split("-").map(Number);
  return MONTHS[m - 1] + " " + y;
}

/** The first day of the month `months` away from `iso`'s month: ("2026-03-10", -1) → "2026-02-01". */
export function shiftMonth(iso, months) {
  const [y, m] = String(iso).split("-").map(Number);
  const date = new Date(y, m - 1 + months, 1, 12);
  return isoDate(date);
}

/** The period a check-in is for, as read: the day, or "March 2026" when `every` is "month". */
export const periodText = (iso, every) => (every === "month" ? monthText(iso) : dayText(iso));

/** "Read done on Tuesday 10 March 2026"; with a slot: "Aspirin morning done on …"; monthly: "Flat 1 done for March 2026". */
export function tickLabel(title, iso, slot, every) {
  return (slot ? title + " " + String(slot).toLowerCase() : title) + (every === "month" ? " done for " + monthText(iso) : " done on " + dayText(iso));
}

/** The count of one record on one day (count mode): "Daisy count on Tuesday 10 March 2026". */
export function countLabel(title, iso) {
  return title + " count on " + dayText(iso);
}

export const addOneName = (title) => "Add one to " + title;
export const takeOneName = (title) => "Take one from " + title;

/** A computed value of one record, e.g. "Current streak for Read". */
export const figureLabel = (label, title) => label + " for " + title;

/** An entry of the "still due today" list: "Aspirin", or "Aspirin (Evening)" for a slot. */
export const dueText = (title, slot) => (slot ? title + " (" + slot + ")" : title);
export const dueListName = "Still due today";

/** Board: the button that moves a card to another column. */
export const moveCardName = (title, column) => "Move " + title + " to " + column;

/** Sequence: the per-item buttons and the add button. */
export const moveUpName = (title) => "Move " + title + " up";
export const moveDownName = (title) => "Move " + title + " down";
export const removeItemName = (title) => "Remove " + title;
export const addToName = (sequenceTitle) => "Add to " + sequenceTitle;
/** The numbered list itself ("Songs in Setlist"): a name apart from the section's, whose picker lists the same titles. */
export const sequenceListName = (itemPlural, sequenceTitle) => itemPlural + " in " + sequenceTitle;
/** The library beside it, whose records are dragged into it ("Songs to add to Setlist"). */
export const sequenceLibraryName = (itemPlural, sequenceTitle) => itemPlural + " to add to " + sequenceTitle;

/** The board's columns as one group ("Board columns"), apart from the add form's column select. */
export const boardColumnsName = (boardTitle) => boardTitle + " columns";

/** "BookLoan" → "book loan": the singular in running text and button names ("Add book loan"). */
export function singularWords(entityName) {
  return String(entityName).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2").toLowerCase();
}

/** "book loan" → "Book loan": the singular as a label (a parent select, "Song"). */
export function singularLabelOf(entityName) {
  const words = singularWords(entityName);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Member" → "memberId": the field of a child record that holds its parent's id (DATA.md). */
export function linkField(parentName) {
  return parentName.charAt(0).toLowerCase() + parentName.slice(1) + "Id";
}

/** When a post was written, as read: "10 March 2026, 09:05" (local time). */
export function postTimeText(date) {
  return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear() + ", " + pad2(date.getHours()) + ":" + pad2(date.getMinutes());
}

/** Week plan: the Monday of the week `iso` is in (weeks run Monday to Sunday). */
export function mondayOf(iso) {
  const date = dateOfIso(iso);
  return shiftDay(iso, -((date.getDay() + 6) % 7));
}
/** The week a week plan shows, as read: "Week of Monday 9 March 2026". */
export const weekText = (mondayIso) => "Week of " + dayText(mondayIso);
/** The day a row of the week stands for: "Monday". */
export const weekdayOf = (iso) => dayText(iso).split(" ")[0];
/** A slot's box in the week ("Monday Breakfast"). */
export const weekSlotName = (iso, slot) => weekdayOf(iso) + " " + slot;
/** The week's days as one table, apart from the section ("Meals this week"). */
export const weekGridName = (itemPlural, sectionTitle) => sectionTitle + ": " + itemPlural.toLowerCase() + " by day";
/**
 * What each item of a shopping list stands for: the words of a list of ingredients ("oats, milk" or
 * one a line), each trimmed, "" dropped.
 */
export function listWords(text) {
  return String(text ?? "").split(/[,;\n]+/).map((w) => w.trim()).filter(Boolean);
}
