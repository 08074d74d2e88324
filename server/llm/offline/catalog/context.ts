// Words that tell who the user is ("I'm a freelancer", "as a teacher", "I run a small shop"):
// context, not a feature. The role they name goes into the app's name (compose/context.ts).

/** What opens a self-description; what follows is "a|an", then the role (nouns, maybe an adjective first). */
export const selfDescriptionOpeners = ["i'm|im|i’m", "i am", "we're|were|we’re", "we are", "as", "i|we run|own|manage"];
/** What may follow the role: the end of a clause. */
export const selfDescriptionEnds = [".", ",", ";", "!", ":", "-", "—", "and", "so", "who", "i", "we", "that", "with"];
