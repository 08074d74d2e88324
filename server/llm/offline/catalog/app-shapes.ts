// Patterns: spaces separate words and "|" separates alternatives for ONE word, so a phrase that
// stands alone ("stop watch") is its own pattern, never an alternative of a word.
// Words that ask for a particular shape of app: a board, a message wall, a quiz, flashcards, a
// timer, a countdown, daily check-ins. The composer turns each into its section.

export const boardPatterns = ["kanban|task|project|trello board|boards", "kanban", "board with columns|lists", "columns", "drag … card|cards|task|tasks … column|columns"];
export const feedPatterns = ["guestbook|guestbooks", "guest book", "message|comment|community wall|board", "shoutbox", "visitors|people|friends leave|post|write|sign … message|messages|note|notes|comment|comments", "visitors|people|friends|guests can? leave|post|write|sign"];
/** The order a wall's messages are shown in: newest first unless one of the oldest-first phrasings is said. */
export const feedOrderPatterns = {
  newest: ["newest|latest|recent|new|last first|top", "newest|latest|new|recent|last one|ones|message|messages|entry|entries|post|posts|comment|comments? on|at? the? top|first", "most recent first|top", "most recent … on|at? the? top", "newest|latest … at? the? top", "reverse chronological|date|time? order", "sorted|ordered|sort|order by date|time|newest|latest"],
  oldest: ["oldest|earliest|first one|ones|message|messages|entry|entries|post|posts|comment|comments? first|top", "oldest|earliest … on|at? the? top", "in? chronological|date order"],
};
export const quizPatterns = ["quiz|quizzes|trivia", "test me on", "multiple choice"];
export const flashcardPatterns = ["flashcard|flashcards", "flash card|cards", "flipping|flip|flips card|cards", "vocab|vocabulary card|cards"];
/** "I type the cards myself", "I'll add my own cards", "cards I write myself", "we make our own questions": the user writes the deck (or the quiz). */
export const ownCardsPatterns = [
  "i|we|i'll|we'll|i'd|you type|add|write|make|enter|create|put in? the|my|our? own? card|cards|question|questions|word|words|deck … myself|ourselves|yourself",
  "i|we|i'll|we'll|i'd|you type|add|write|make|enter|create|put in? my|our|your own card|cards|question|questions|word|words|deck",
  "card|cards|question|questions|word|words|deck i|we type|add|write|make|enter|create|choose myself|ourselves",
  "my|our own card|cards|question|questions|word|words|deck",
];
export const spacedPatterns = ["come back more often", "spaced repetition", "card|cards|word|words|question|questions i|you get wrong … more often|again|back", "get wrong … more often|again|back", "repeat … wrong|missed", "wrong … come|comes back"];
export const timerPatterns = { pomodoro: ["pomodoro|pomodoros timer|clock|app?", "focus timer"], stopwatch: ["stopwatch app?", "stop watch", "lap timer"], countdown: ["countdown", "count down to|until", "days until|till|to", "how long until", "egg|kitchen timer"] };
/** The verbs of a per-day check-in, in the forms people write them ("ticked off", "gets checked", "crossed off"). */
const checkinVerbs = "tick|ticks|ticked|ticking|check|checks|checked|checking|mark|marks|marked|marking|cross|crosses|crossed|crossing|tickbox|checkbox";
/** "get ticked off", "are checked off", "be marked done": the passive said before the verb is part of the ask. */
const checkinPassive = "get|gets|got|getting|are|is|be|being?";
export const checkinPatterns = [`${checkinPassive} ${checkinVerbs} … off? each|every day|daily|night|morning|evening`, `${checkinPassive} ${checkinVerbs} … off? daily`, `${checkinPassive} ${checkinVerbs} … off? per day`, `daily|everyday … ${checkinPassive} ${checkinVerbs} off|done?`, "every day", "each day", "daily", "per day", "through the day", "each morning|night",
  // "tick each dose when she's taken it today": a tick that holds for today is a daily check-in.
  `${checkinVerbs} … when … today`, `${checkinVerbs} … taken|took|had|done|did it|them? today`];
/** "each month mark whether rent came in", "tick off every month if the rent was paid": one tick per record per month. */
export const monthlyMarkPatterns = ["each|every month mark|tick|record|note|log|check off? whether|if", "monthly mark|tick|record|note|log|check off? whether|if", "mark|tick|record|note|log|check off? whether|if … each|every|a month", "mark|tick|record|note|log|check off? whether|if … monthly", "mark|tick|record|note|log|check off? each|every|a month whether|if"];
/** "total rent collected this year": the amounts of the months ticked (the noun said is filled in). */
export const collectedTotalPatterns = ["the? total|sum of? {noun} collected|received|paid|taken|earned|in", "how much {noun} … collected|received|came|taken|earned"];
/** "highlight anyone who's late", "flag who is behind": the records whose tick for this month is late. */
export const latePatterns = ["highlight|flag|show|list|mark|colour|color anyone|anybody|everyone|whoever|those|who|who's|whos|tenants|people … late|overdue|behind", "who|who's|whos is|are? late|overdue|behind"];
/** "how many eggs each one lays every day": a count per record per day (+ and −), kept per day. */
export const dailyCountPatterns = ["how many … every|each|per day", "how many … daily", "how many … a day"];
/** "who's the best layer", "which hen lays the most": the record with the highest count. */
export const bestCounterPatterns = ["best|top|biggest|star layer|layers|producer|producers|performer", "who|which … lays|laid|produces|produced|does|did the? most"];
export const streakPatterns = ["streak|streaks", "in a row", "consecutive days"];
/** An ordered pick of records (a setlist of songs): the list's own names, one pattern each. */
export const sequenceNouns = ["setlist|setlists|playlist|playlists|tracklist|tracklists", "set|track list|lists", "running order"];
/** Putting records into it ("drag songs into a setlist"); each is followed by one of sequenceNouns, then maybe by an order said (sequenceOrderWords). */
export const sequencePutPatterns = ["drag|drop|add|put|move|pick … into|onto|to|in a|an|the|my|our|your?"];
export const sequenceOrderWords = "in the|any|my|our|your|right? order";
/** Its total length: "the total set length", "total length of the setlist", "how long the set is". */
export const sequenceTotalPatterns = ["total set|setlist|playlist length|time|duration", "total length|time|duration|runtime of? a|the|my|our? set|setlist|playlist", "set|setlist|playlist length|duration|runtime", "how long the|a|my|our? set|setlist|playlist is|runs|lasts"];
/** The meals of a day a week plan has a slot for, as people name them ("breakfast, lunch and dinner"); two or more in a row ask for it. */
export const mealSlotWords = ["breakfast", "brunch", "lunch", "dinner", "supper", "snack", "snacks"];
/** What says the slots are for each day of a week: "for each day", "every day of the week", "weekly", "for the week". */
export const weekPlanDayPatterns = ["for|on? each|every day|weekday|night", "each|every day of the week", "for|over the|a|each week", "weekly|week meal|meals|menu|food|dinner plan|planner|planning|plans|schedule", "weekly"];
/** "a shopping list generated from the meals", "grocery list made from the recipes", "shopping list from the meal plan". */
export const shoppingFromPatterns = [
  "shopping|grocery list|lists generate|generated|make|made|build|built|create|created|work|worked|pull|pulled? out? from|of the|my|our|these|those|planned? meal|recipe|menu|plan|planner",
  "list of ingredient|ingredients|groceries|shopping for the|my|our|these|those|planned? meal|recipe|menu|plan|planner",
];
export const oneEntryPerDayPatterns = ["one entry|note|record|page|log|post per|a|each day", "entry per day", "once a day"];
export const searchPatterns = ["searchable", "search|find|filter by? … entry|entries|note|notes|record|records", "search"];

/**
 * Purposes a list serves by grouping its records under one of its fields: "with aisles so we can
 * shop faster" lists the shopping under a heading per aisle (compose/views.ts).
 */
export const groupingPurposes: Array<{ patterns: string[]; fieldWords: string[] }> = [
  { patterns: ["shop|shopping faster|quicker|quickly", "get round|around the shop|store|supermarket faster|quicker|quickly"], fieldWords: ["aisle", "section", "department", "shelf"] },
];

/** "chart of weight over time", "graph my weight", "line chart of X by date", "track X over time with a graph": one number of the records against their date. */
export const chartWords = ["chart", "graph", "plot", "linechart"];
export const overTimePatterns = ["over time", "over the day|days|week|weeks|month|months|year|years", "by|against|per|over date|dates|day", "through time", "progress"];
/** "pick a dinner for each day of the week from my recipes", "assign a chore to every day from our chores list", "choose an outfit for each weekday from my clothes": one slot a day, filled from the user's own records. */
export const pickForEachDayPatterns = [
  "pick|choose|assign|select|plan|schedule|put a|an|one",
];
export const pickDayPatterns = ["for|to|on each|every day|weekday|night of? the? week?", "for|to|on each|every weekday", "for|to|on each|every day"];
export const pickSourcePatterns = ["from|using my|our|the", "out of my|our|the"];
