// Picking several records for each record of another kind: "pick a starting 11 for each match",
// "choose the squad for every game". Data for compose/lineups.ts: the phrases (match patterns,
// understand/match-pattern.ts), whose last word names the occasion (an entity of the catalog)
// and whose words between the verb and "for" name the choice ("Starting 11", "Squad"); a number
// there is how many may be picked.

/** Trigger patterns: verb, the choice, "for each", the occasion. */
export const pickManyPatterns = [
  "pick|choose|select a|the|his|her|my|our? starting|first # for|per each|every? match|game|fixture|race|gig|event",
  "pick|choose|select a|the|his|her|my|our? team|squad|lineup|line-up|side|eleven|xi for|per each|every? match|game|fixture|race|gig|event",
];

/** Words that start the phrase, not the choice's name. */
export const pickVerbs = ["pick", "choose", "select"];
