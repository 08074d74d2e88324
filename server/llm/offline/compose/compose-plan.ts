// The composer's order of work: what cannot be done and how it should look first (they claim
// their words), then what the app is called and its shape, then its records, then views and
// figures over them.
import { composeLooks, composeName, composeUnsupported } from "./asks";
import { composeSelfDescription } from "./context";
import { composeBoard, composeFeed, composeFlashcards, composeQuiz } from "./content";
import { composeBudget } from "./budget";
import type { Draft } from "./draft";
import { composeSharing } from "./sharing";
import { claimUpcomingWindow, composeAnniversaries } from "./anniversaries";
import { composeDue, composeNotSince } from "./due";
import { composeThresholds } from "./thresholds";
import { composeToday } from "./schedule";
import { composeLineup, readLineup } from "./lineups";
import { composeInvoices } from "./invoices";
import { claimTimesheet, composeTimesheet } from "./timesheet";
import { composePoints } from "./points";
import { composeRecords } from "./records";
import { composeSequence } from "./sequence";
import { claimWeekPlan, composeWeekPlan } from "./week-plan";
import { composeRequestForm, composeSite, isSitePrompt, readSiteDestination } from "./site";
import { claim } from "./draft";
import { composeTimer, composeTool } from "./tools";
import { composeDailyCounts } from "./daily-counts";
import { claimMonthlyMarks, composeMonthlyMarks } from "./monthly-marks";
import { composeActions, composeCharts, composeCheckins, composeFigures, composeViews } from "./views";
import { readRecordStructure } from "../understand/record-structure";

export function composeInto(draft: Draft): void {
  composeUnsupported(draft);
  // After what cannot be done ("sync with my Google calendar" is a connection, not sharing).
  composeSharing(draft);
  const unsupportedWords = new Set(draft.claimed);
  composeLooks(draft);
  composeName(draft);
  composeSelfDescription(draft);
  // "a guestbook for my website": where the guestbook goes, not a site to build.
  const destination = readSiteDestination(draft);
  if (destination) claim(draft, destination.from, destination.to);
  const isSite = isSitePrompt(draft);
  const isSingleTool = !isSite && (composeTimer(draft) || composeTool(draft) || composeQuiz(draft) || composeFlashcards(draft));
  if (!isSite && !isSingleTool && !composeBoard(draft)) composeFeed(draft, destination);
  // A site's sections claim their words ("contact form", "opening hours") before records are read.
  if (isSite) composeSite(draft);
  // "pick a starting 11 for each match" names no field of a player: read before the records are.
  const lineup = isSite || isSingleTool ? undefined : readLineup(draft);
  // Its words are no field of the records either.
  for (let i = lineup?.span.from ?? 0; i < (lineup?.span.to ?? 0); i++) unsupportedWords.add(i);
  // "each month mark whether rent came in" asks for ticks, not for a list of marks.
  const monthly = isSite || isSingleTool ? undefined : claimMonthlyMarks(draft);
  // "breakfast lunch and dinner for each day" asks for a week of slots, not for daily ticks or a list of them.
  const week = isSite || isSingleTool ? undefined : claimWeekPlan(draft);
  // "a start/stop timer per client" and "a weekly report of hours and earnings" are no fields of the records.
  const timesheet = isSite || isSingleTool ? undefined : claimTimesheet(draft);
  for (const i of timesheet?.notFields ?? []) unsupportedWords.add(i);
  // "coming up in the next 30 days" says how far ahead to look: "days" is no field of the records.
  const upcomingWindow = isSite || isSingleTool ? undefined : claimUpcomingWindow(draft);
  const structure = readRecordStructure(draft.reading, draft.claimed, unsupportedWords);
  // A single tool keeps records only when the prompt gives them fields or asks for a history.
  if (!isSingleTool || structure.fields.length) composeRecords(draft, structure);
  composeLineup(draft, lineup);
  // A budget needs its categories, and claims "how much is left" before the figures read it.
  composeBudget(draft);
  // Points earned and spent need the records that earn them and the rewards they buy.
  composePoints(draft);
  // A setlist picks records in an order of its own, and claims "total set length" before the figures read "total".
  composeSequence(draft);
  composeWeekPlan(draft, week);
  // Charts are about records: they need the entities (and their fields) to exist first.
  composeCharts(draft);
  if (isSite) {
    for (const [entity, title, list, submit, thanks] of [["Booking", "Request a booking", "Booking requests", "Request booking", "Thanks — your booking request has been received."], ["Rsvp", "RSVP", "RSVPs", "Send RSVP", "Thanks — your reply has been saved."], ["Guest", "RSVP", "Guests", "Send RSVP", "Thanks — your reply has been saved."]] as const) {
      if (draft.entities.has(entity)) {
        composeRequestForm(draft, entity, title, list, submit, thanks, draft.entities.get(entity)!.requirementIds);
        break;
      }
    }
  }
  // Before the actions: "a button to say I watered it" dates the record, it ticks nothing off.
  composeDue(draft);
  composeNotSince(draft);
  composeAnniversaries(draft, upcomingWindow);
  // Before the groupings: "below their reorder level, grouped by supplier" groups that list.
  composeThresholds(draft);
  composeToday(draft);
  composeDailyCounts(draft);
  composeMonthlyMarks(draft, monthly);
  composeCheckins(draft);
  composeActions(draft);
  // Totals and what is owed read the lines and the paid mark the records and actions made.
  composeInvoices(draft);
  composeTimesheet(draft, timesheet?.timer);
  composeViews(draft);
  composeFigures(draft);
}
