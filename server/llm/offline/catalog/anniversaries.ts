// Dates that come round every year (birthdays, anniversaries) and the words that ask for the
// ones coming up and for the age a person turns. Read by compose/anniversaries.ts.

/** Date fields (catalog/fields.ts names) whose month and day recur each year. */
export const anniversaryFields = ["birthday", "anniversary"];

/** "the upcoming birthdays this month", "next birthdays": the ones still to come. */
export const upcomingPatterns = ["upcoming|next|coming birthday|birthdays|anniversary|anniversaries", "birthday|birthdays|anniversary|anniversaries coming up"];

/** "how old they're turning", "the age they turn": the age at the next birthday. */
export const turningPatterns = ["how old they|he|she|they're|he's|she's|you|you're are|is|will? turn|turning|be", "age they|he|she turn|turning|will"];
