// Hours worked per record and what they earn: "a weekly report of hours and earnings at each
// client's hourly rate", "how many hours I worked for each client this week". Patterns as in
// app-shapes.ts (token lemmas, "|" alternatives, "?" optional, "…" a short gap).

/** A report of this week's hours. */
export const weeklyHoursPatterns = [
  "weekly|week's|week report|summary|total|totals|breakdown|timesheet|overview of? hours|hour|time",
  "hours|hour|time worked|logged|spent? this|each|per|a|every week",
  "hours|hour|time worked|logged|spent? … this|each|per|a|every week",
];

/** Money earned for the hours ("and earnings", "what I earned"); the earnings are hours × the record's rate. */
export const earningWords = ["earnings", "earning", "earned", "income", "pay", "revenue", "billable", "billing"];

/** The rate field the hours are paid at (fields.ts names it). */
export const rateFields = ["hourlyRate", "rate"];

/** A running timer on each record ("a start/stop timer per client"): not something the records runtime does yet. */
export const liveTimerPatterns = ["start|stop /? stop|start? timer|clock|stopwatch"];
