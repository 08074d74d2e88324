// Points kept for doing things and spent on rewards: a chore chart, a sticker chart, a classroom
// reward system. Patterns as in app-shapes.ts (token lemmas, "|" alternatives, "…" a short gap).

/** What is counted: "points", "stars", "stickers". The second word of each pattern below. */
export const pointWords = ["point", "star", "sticker", "token", "coin"];

/** Who earns them when the prompt gives no one the points by name: people kept as records. */
export const earnerEntities = ["Kid", "Student", "Pupil", "Member", "Player", "Person", "Employee", "Volunteer", "Customer", "Client", "Athlete"];

/** What is done to earn them, unless the prompt says "done" after it ("for each job done"). */
export const doneEntities = ["Chore", "Task", "Habit", "Assignment", "Workout", "Lesson", "Practice"];

/** "they earn points for each chore done", "kids get stars for every job". */
export const earnPatterns = ["earn|get|win|collect|score|gain point|star|sticker|token|coin", "earn|get|win|collect|score|gain … point|star|sticker|token|coin for"];

/** "can swap points for rewards", "spend their stars on treats", "cash in tokens for prizes". */
export const spendPatterns = [
  "swap|spend|trade|exchange|redeem|use their|the|those|them? point|star|sticker|token|coin for|on",
  "swap|spend|trade|exchange|redeem|cash their|the|those|them? point|star|sticker|token|coin in for",
  "turn|cash their|the|those? point|star|sticker|token|coin in? into",
];
