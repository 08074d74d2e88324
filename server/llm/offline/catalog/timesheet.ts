// Hours worked per record and what they earn: "a weekly report of hours and earnings at each
// client's hourly rate", "how many hours I worked for each client this week". Patterns as in
// app-shapes.ts (token lemmas, "|" alternatives, "?" optional, "…" a short gap).

/** A report of this week's hours. */
export const weeklyHoursPatterns = [
  "weekly|week's|week report|summary|total|totals|breakdown|timesheet|overview of? hours|hour|time",
  "total|weekly? hours|hour|time worked|logged|spent? this|each|per|a|every week",
  "total|weekly? hours|hour|time worked|logged|spent? … this|each|per|a|every week",
];

/** Money earned for the hours ("and earnings", "what I earned"); the earnings are hours × the record's rate. */
export const earningWords = ["earnings", "earning", "earned", "income", "pay", "revenue", "billable", "billing"];

/** The rate field the hours are paid at (fields.ts names it). */
export const rateFields = ["hourlyRate", "rate"];

/**
 * A start/stop timer on each record ("a start/stop timer per client", "a timer for each project",
 * "clock in/clock out per job", "punch in and out"): Start keeps the start time, Stop logs the
 * elapsed hours as a time entry of the record.
 */
export const timerPatterns = [
  "start|stop /|and|or|&? stop|start? a|the? timer|timers|stopwatch",
  "timer|timers|stopwatch",
  "clock|punch in|on /|and|or|&? clock|punch? out|off",
];

/**
 * A plain "timer" is a timer that tracks time worked only with one of these in the prompt (a
 * recipe's timer counts down instead); "start/stop" and "clock in/out" say so by themselves.
 */
export const timeTrackingPatterns = [
  "start|stop /|and|or|& stop|start",
  "clock|punch in|on|out",
  "time|hours|hour tracker|tracking|log|logs|sheet|sheets",
  "timesheet|timesheets|freelance|freelancer|billable|hourly",
  "track|log|record|bill the|my|our? time|hours|hour",
  "hours|hour worked|spent|logged|billed",
];

/** Words naming whose timer it is, just after the timer ("per client", "for each project", "on every job"). */
export const timerOwnerLinks = ["per", "each", "every"];

/** "track time … with a timer", "log the hours I spend": the time tracked is what the timer logs, not a field of its own. */
export const timedWorkPatterns = ["track|log|record the|my|our? time|hours|hour i|we? spend|work|put? in?"];
