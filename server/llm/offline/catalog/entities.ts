// The entity catalog: kinds of record people keep, by the words they use for them, with the
// fields a record of that kind cannot do without (a task can be done, an expense has an amount).
// The reader also accepts nouns that are not here when the prompt's grammar makes them records
// ("track my bird sightings", "plants (name, species)"); this list adds knowledge, not limits.

export type EntityConcept = {
  /** Trigger words or compounds, lowercase singular ("habit", "reading list", "to do"). */
  words: string[];
  name: string;
  plural: string;
  /** Field concept names (catalog/fields.ts) every record of this kind has. */
  fields: string[];
  /**
   * Kinds of record this one is kept for, when the prompt keeps both and links them no other way:
   * "dogs (name, owner) and walks booked on days and times" books each walk for a dog.
   */
  of?: string[];
};

/** Verbs after a record that say it is arranged for another: "walks booked on days and times". */
export const bookedWords = ["booked", "scheduled", "planned", "arranged"];

export const entityConcepts: EntityConcept[] = [
  { words: ["habit"], name: "Habit", plural: "Habits", fields: ["name"] },
  { words: ["task", "todo", "to do", "to-do", "todo list", "to do list", "chore list", "task list", "checklist"], name: "Task", plural: "Tasks", fields: ["title", "done"] },
  { words: ["expense", "spending", "spend", "expense tracker", "purchase"], name: "Expense", plural: "Expenses", fields: ["description", "amount", "date"] },
  { words: ["book", "reading list", "novel"], name: "Book", plural: "Books", fields: ["title"] },
  { words: ["workout", "training session", "gym session", "exercise log"], name: "Workout", plural: "Workouts", fields: ["date"] },
  { words: ["meal", "dish"], name: "Meal", plural: "Meals", fields: ["name"] },
  { words: ["medication", "medicine", "pill", "med", "prescription"], name: "Medication", plural: "Medications", fields: ["name"] },
  { words: ["booking", "booking request", "appointment", "reservation"], name: "Booking", plural: "Booking requests", fields: ["name"] },
  { words: ["order", "bakery order", "order list"], name: "Order", plural: "Orders", fields: ["customer"] },
  { words: ["product", "inventory", "inventory list", "stock item", "item in stock"], name: "Product", plural: "Products", fields: ["name"] },
  { words: ["supplier", "vendor"], name: "Supplier", plural: "Suppliers", fields: ["name"] },
  { words: ["lead", "prospect", "contact"], name: "Lead", plural: "Leads", fields: ["name"] },
  { words: ["deal", "opportunity"], name: "Deal", plural: "Deals", fields: ["title"] },
  { words: ["client"], name: "Client", plural: "Clients", fields: ["name"] },
  { words: ["customer"], name: "Customer", plural: "Customers", fields: ["name"] },
  { words: ["invoice", "bill"], name: "Invoice", plural: "Invoices", fields: ["title", "date"] },
  { words: ["line item", "invoice line"], name: "LineItem", plural: "Line items", fields: ["description"] },
  { words: ["member", "member list", "borrower"], name: "Member", plural: "Members", fields: ["name"] },
  { words: ["loan", "lending", "borrowing"], name: "Loan", plural: "Loans", fields: [] },
  { words: ["guest", "guest list", "wedding guest"], name: "Guest", plural: "Guests", fields: ["name"] },
  { words: ["message", "guestbook", "guest book", "message wall", "wall post", "post", "comment"], name: "Message", plural: "Messages", fields: ["name", "message"] },
  { words: ["rsvp", "reply"], name: "Rsvp", plural: "RSVPs", fields: ["name"] },
  { words: ["card", "flashcard", "flash card", "word", "vocabulary"], name: "Card", plural: "Cards", fields: [] },
  { words: ["sale", "sale entry"], name: "Sale", plural: "Sales", fields: ["date", "amount"] },
  { words: ["hen", "chicken"], name: "Hen", plural: "Hens", fields: ["name"] },
  { words: ["student", "pupil", "grade book", "gradebook"], name: "Student", plural: "Students", fields: ["name"] },
  { words: ["assignment", "exam", "homework"], name: "Assignment", plural: "Assignments", fields: ["title"] },
  { words: ["dog", "pup", "puppy"], name: "Dog", plural: "Dogs", fields: ["name"] },
  { words: ["walk", "dog walk"], name: "Walk", plural: "Walks", fields: ["date", "time"], of: ["Dog"] },
  { words: ["plant", "houseplant"], name: "Plant", plural: "Plants", fields: ["name"] },
  { words: ["song", "tune", "song library"], name: "Song", plural: "Songs", fields: ["title"] },
  { words: ["flat", "apartment", "property"], name: "Flat", plural: "Flats", fields: ["name"] },
  { words: ["tenant", "renter"], name: "Tenant", plural: "Tenants", fields: ["name"] },
  { words: ["player", "team roster", "roster", "squad"], name: "Player", plural: "Players", fields: ["name"] },
  { words: ["match", "game", "fixture"], name: "Match", plural: "Matches", fields: ["title", "date"] },
  { words: ["project"], name: "Project", plural: "Projects", fields: ["name"] },
  { words: ["team member", "teammate", "staff member", "employee", "colleague"], name: "TeamMember", plural: "Team members", fields: ["name"] },
  { words: ["kid", "child", "children", "boy", "girl"], name: "Kid", plural: "Kids", fields: ["name"] },
  { words: ["chore", "chore chart", "job"], name: "Chore", plural: "Chores", fields: ["name"] },
  { words: ["reward", "prize", "treat"], name: "Reward", plural: "Rewards", fields: ["name"] },
  { words: ["friend", "family member", "friend and family", "birthday", "birthday list"], name: "Person", plural: "People", fields: ["name", "birthday"] },
  { words: ["entry", "journal", "diary", "journal entry", "diary entry", "log entry"], name: "Entry", plural: "Entries", fields: ["title", "date", "notes"] },
  { words: ["holding", "stock portfolio", "portfolio", "stock", "share holding"], name: "Holding", plural: "Holdings", fields: ["ticker"] },
  { words: ["recipe", "recipe box", "recipe book", "cookbook"], name: "Recipe", plural: "Recipes", fields: ["title"] },
  { words: ["ingredient"], name: "Ingredient", plural: "Ingredients", fields: ["name"] },
  { words: ["grocery", "grocery list", "shopping list", "grocery item", "shopping item"], name: "Item", plural: "Items", fields: ["name", "done"] },
  { words: ["note", "dated note", "journal note"], name: "Note", plural: "Notes", fields: ["date", "message"] },
  { words: ["category"], name: "Category", plural: "Categories", fields: ["name"] },
  { words: ["table", "seating table"], name: "Table", plural: "Tables", fields: ["name"] },
  { words: ["session", "completed session", "focus session"], name: "Session", plural: "Sessions", fields: ["date"] },
  { words: ["time entry", "timesheet entry"], name: "TimeEntry", plural: "Time entries", fields: ["date", "hours"] },
  { words: ["grooming", "groom", "visit"], name: "Visit", plural: "Visits", fields: ["date"] },
  { words: ["maintenance", "service record", "repair", "car maintenance"], name: "Maintenance", plural: "Maintenance records", fields: ["date"] },
  { words: ["conversion"], name: "Conversion", plural: "Conversions", fields: [] },
  { words: ["contact message", "enquiry", "inquiry"], name: "ContactMessage", plural: "Messages", fields: ["name", "email", "message"] },
  { words: ["mark", "grade", "score", "test score", "result"], name: "Mark", plural: "Marks", fields: ["score"] },
  { words: ["payment", "rent payment"], name: "Payment", plural: "Payments", fields: ["date", "amount"] },
  { words: ["sighting", "bird sighting"], name: "Sighting", plural: "Sightings", fields: ["name", "date"] },
];

/**
 * Words that name the app or a container of records rather than a record: "habit tracker",
 * "member list", "song library". The noun before one of them is the record.
 */
export const containerWords = [
  "app", "application", "tracker", "tracking", "list", "log", "logger", "journal", "planner", "chart", "board", "library", "box", "manager",
  "organiser", "organizer", "diary", "register", "roster", "catalog", "catalogue", "collection", "database", "system", "tool",
  "dashboard", "schedule", "book", "keeper", "builder", "reminder", "site", "website", "page", "thing", "something", "program", "crm",
  "inventory",
];

/**
 * What the app is for, said as a compound whose words are no records of their own: "yard sale
 * inventory" keeps the items for sale, not sales; "Book club app" keeps books, not clubs. The
 * compound names the app.
 */
export const subjectCompounds = [
  "yard sale", "garage sale", "car boot sale", "car boot", "boot sale", "bake sale", "jumble sale", "rummage sale", "estate sale", "moving sale", "craft fair", "school fair", "flea market", "farmers market",
  "film night", "movie night", "game night", "quiz night", "wine tasting",
  "book club", "film club", "movie club", "supper club", "running club", "chess club", "wine club",
];

/**
 * Words that name a kind of record on their own ("an inventory with SKU and price") but only hold
 * the records when those are named right after: "yard sale inventory, items with price…".
 */
export const collectiveWords = ["inventory", "stock", "collection", "catalogue", "catalog"];

/**
 * Verbs of a relative clause on a record that adds nothing to what is kept: "books we read",
 * "restaurants we've tried", "films I've watched", "games I own".
 */
export const asideVerbs = [
  "read", "own", "owned", "have", "had", "tried", "try", "visited", "visit", "watched", "watch", "seen", "see", "saw", "cooked", "cook", "made", "make", "played", "play",
  "bought", "buy", "collected", "collect", "love", "loved", "like", "liked", "use", "used", "drink", "drank", "eat", "ate", "grow", "grew", "know", "met", "brewed", "baked",
  "listened", "heard", "tasted", "sampled", "drunk", "finished", "did", "went", "climbed", "hiked", "wear", "wore", "stayed", "planted", "picked", "caught", "keep", "kept", "do", "rode", "ride", "sew", "knit", "knitted",
];
/** Words a relative clause may add around its verb ("we've already read", "I own so far"). */
export const asideFillers = ["'ve", "'d", "have", "has", "had", "already", "recently", "all", "both", "together", "so", "far", "this", "last", "year", "month", "week", "ever", "now", "currently", "just", "really"];

/**
 * People giving a record a score: "members can leave a rating 1-5 for each book", "guests rate
 * each dish out of 10", "everyone gives the films a score". Each rating is a record of its own,
 * for the record rated and the person who gave it.
 */
export const ratingPhrases = ["leave|leaves|give|gives|add|adds|post|submit|enter a|an|their|his|her? rating|score|star|stars", "give|gives each|every|the|a|all … a|an? rating|score|stars", "rate|rates|score|scores"];
/** People who can rate without being records the app keeps: the rating then says who gave it. */
export const raterWords = ["everyone", "everybody", "people", "users", "user", "visitors", "visitor", "we", "anyone", "readers", "viewers", "customers"];

/**
 * Verbs that link two kinds of record through a third: "members borrow books" is a loan of a
 * book by a member. The link entity carries the fields the verb implies.
 */
export type LinkVerb = { verbs: string[]; entity: string; plural: string; actor: string; object: string; fields: string[] };
export const linkVerbs: LinkVerb[] = [
  { verbs: ["borrow", "borrowed", "lend", "lent", "loan", "loaned", "check out", "checked out"], entity: "Loan", plural: "Loans", actor: "Member", object: "Book", fields: ["date", "returned"] },
];

/** Nouns that are never records on their own: people in general, time, the app itself. */
export const nonEntityWords = [
  "i", "me", "my", "we", "us", "you", "they", "them", "it", "one", "ones", "everyone", "anyone", "someone", "thing", "way", "lot", "bit",
  "day", "week", "month", "year", "today", "time", "morning", "evening", "night", "moment", "end", "start", "top", "bottom",
  "button", "view", "screen", "tab", "section", "column", "row", "field", "option", "colour", "color", "theme", "mode", "font",
  "number", "total", "count", "average", "sum", "streak", "score", "report", "chart", "graph", "list", "table", "page", "site", "portfolio",
  "bar", "pie", "donut", "doughnut", "line",
  "mum", "mom", "dad", "partner", "wife", "husband", "family", "caterer", "garage", "shop", "business", "class", "club", "band", "team",
  "people", "person", "kid", "child", "friend",
];

/** People whose records the user keeps for them: "my mum's medications", "my son's homework". */
export const keptForWords = [
  "mum", "mom", "mother", "dad", "father", "parent", "wife", "husband", "partner", "son", "daughter", "kid", "child", "baby",
  "grandma", "grandpa", "gran", "granny", "nan", "nana", "grandmother", "grandfather", "sister", "brother", "aunt", "uncle",
];

/** Who an app is for, when the prompt says so: "for our chess club", "for my Etsy candle shop". */
export const ownerWords = [
  "club", "shop", "store", "team", "class", "classroom", "band", "business", "agency", "school", "family", "church", "group", "company", "office",
  "studio", "salon", "bakery", "cafe", "café", "restaurant", "farm", "garage", "charity", "society", "choir", "household", "house", "flat", "clinic",
  "practice", "gym", "league", "squad", "troop", "nursery", "library", "kitchen", "startup", "firm", "workshop", "allotment",
];


/** Catalog words that are also verbs of ticking records off: "mark invoices paid" is no list of marks. */
export const markingVerbs = ["mark", "tick", "check"];
