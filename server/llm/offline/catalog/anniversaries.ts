// Dates that come round every year (birthdays, anniversaries) and the words that ask for the
// ones coming up and for the age a person turns. Read by compose/anniversaries.ts.

/** Date fields (catalog/fields.ts names) whose month and day recur each year. */
export const anniversaryFields = ["birthday", "anniversary"];

/** "the upcoming birthdays this month", "next birthdays": the ones still to come. */
export const upcomingPatterns = ["upcoming|next|coming birthday|birthdays|anniversary|anniversaries", "birthday|birthdays|anniversary|anniversaries is|are? coming|due up? soon?", "whose|which birthday|birthdays|anniversary|anniversaries", "who has|have|who's|whos a? birthday|birthdays", "coming up"];

/**
 * "in the next 30 days", "within 2 weeks", "over the coming month": how far ahead "coming up"
 * looks, in days ({n} is the number said, 1 without one). Read before the records, so the words
 * are no field ("days").
 */
export const upcomingWindowPatterns = ["in|within|over|during the? next|coming # day|days|week|weeks|fortnight|month|months", "in|within|over|during the? next|coming day|week|fortnight|month", "within|in # day|days|week|weeks|month|months", "within a|one day|week|fortnight|month", "next # day|days|week|weeks|month|months"];
export const windowUnitDays: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7, fortnight: 14, month: 30, months: 30 };

/** "how old they're turning", "the age they turn": the age at the next birthday. */
export const turningPatterns = ["how old they|he|she|they're|he's|she's|you|you're are|is|will? turn|turning|be", "age they|he|she turn|turning|will"];
