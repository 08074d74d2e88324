// Words that ask for a figure or a view over records: totals, counts, averages, bests, streaks,
// and the periods they cover. The composer reads "<measure> [of X] [per/by/for each G] [period]".

export type MeasureWord = { agg: "sum" | "count" | "avg" | "max" | "min" | "headcount" | "left" | "top"; patterns: string[]; label: string };

export const measureWords: MeasureWord[] = [
  { agg: "headcount", patterns: ["headcount", "head count", "how many people|guests are coming", "number of guests|people coming"], label: "Headcount" },
  { agg: "left", patterns: ["how much is? left|remaining", "left to spend", "remaining budget", "what's left"], label: "Left" },
  { agg: "top", patterns: ["top selling|sellers|seller|products|items", "best selling|sellers|seller", "most popular", "top #"], label: "Top" },
  { agg: "max", patterns: ["best|biggest|heaviest|highest|max|maximum|personal best|pb|record lift|lifts|layer|score|time|weight|result|results", "best", "personal best|record", "highest", "most"], label: "Best" },
  { agg: "min", patterns: ["lowest|smallest|cheapest|fastest|minimum"], label: "Lowest" },
  { agg: "avg", patterns: ["average|averages|mean"], label: "Average" },
  { agg: "count", patterns: ["count|counts of? each?", "how many", "number of", "tally"], label: "Count" },
  { agg: "sum", patterns: ["total|totals", "sum of?", "how much", "spent per|each", "collected|earned|owed|owe"], label: "Total" },
];

/** "average as a percentage", "average percentage": each value over the most it can be (a max score), in percent. */
export const percentPatterns = ["as|in a? percentage|percentages|percent|%", "percentage|percent"];

export type PeriodWord = { range: "today" | "thisWeek" | "thisMonth" | "thisYear" | "lastNDays" | "lastNWeeks" | "lastNMonths"; patterns: string[]; label: string };

export const periodWords: PeriodWord[] = [
  { range: "lastNWeeks", patterns: ["last|past # week|weeks"], label: "last {n} weeks" },
  { range: "lastNMonths", patterns: ["last|past # month|months"], label: "last {n} months" },
  { range: "lastNDays", patterns: ["last|past # day|days"], label: "last {n} days" },
  { range: "today", patterns: ["today|todays|today's|tonight"], label: "today" },
  { range: "thisWeek", patterns: ["this week", "this week's", "weekly report|total|summary"], label: "this week" },
  { range: "thisMonth", patterns: ["this month", "this month's", "current month", "for the month", "monthly budget"], label: "this month" },
  { range: "thisYear", patterns: ["this year", "this year's", "current year"], label: "this year" },
];

/** "per week", "by month": grouping by a date bucket. */
export const bucketWords: Record<string, "day" | "week" | "month" | "year"> = { day: "day", daily: "day", week: "week", weekly: "week", month: "month", monthly: "month", year: "year", yearly: "year", annual: "year", annually: "year" };

/** Options of a stage or status that end the record's life: "open deals" are in none of these. */
export const closingOptions = ["won", "lost", "done", "closed", "cancelled", "canceled", "finished", "complete", "completed", "archived", "paid", "returned", "published", "delivered"];
/** Words for a record not yet closed, and the closing state each is the negation of ("unpaid" → paid); "" for any closing state. */
export const openQualifiers: Record<string, string> = { unpaid: "paid", "not paid": "paid", outstanding: "", open: "", pending: "", unfinished: "finished", incomplete: "complete", undone: "done", unreturned: "returned", undelivered: "delivered", unread: "read" };
