// Words that ask for the records of one day and their order through it: "show todays walks in
// order", "the lessons for today by time". Read by compose/schedule.ts; `{record}` stands for
// the record's name (its singular lemma, so plurals match too).

/** "today's walks", "walks for today", "walks booked today". */
export const todayPatterns = ["today {record}", "{record} for|on|booked|scheduled|due today"];

/** "in order", "in time order", "by time", "earliest first": through the day, by the time of day. */
export const timeOrderPatterns = ["in time? order", "in order of time", "sorted|ordered? by time", "earliest|soonest first"];
