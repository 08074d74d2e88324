// Small closed classes of English the reader needs by name (determiners, pronouns, clause
// starters). Open-class knowledge (nouns, fields, looks) lives in the catalogs.
export const determiners = new Set(["a", "an", "the", "each", "every", "all", "any", "some", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those", "one", "per"]);
export const pronouns = new Set(["i", "me", "we", "us", "you", "they", "them", "he", "she", "him", "it", "i'm", "i've", "we're", "they're", "they've", "she's", "he's", "it's", "you're"]);
export const auxiliaries = new Set(["is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "'s", "'re", "'ve"]);
/** Words that start a new clause rather than continue a list item. */
export const clauseStarters = new Set(["each", "every", "then", "show", "let", "give", "make", "so", "but", "also", "please", "i", "we", "it", "plus", "want", "need", "allow", "highlight", "sort", "display", "list", "track", "log", "mark", "turn", "add", "keep", "use", "see", "build", "create"]);
/** Words with no content of their own: never worth a requirement. */
export const fillerWords = new Set([
  "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "by", "from", "into", "as", "is", "are", "was", "be", "it", "its", "i", "me", "my", "we", "our", "you", "your", "they", "them", "their", "she", "he", "her", "his",
  "this", "that", "these", "those", "which", "who", "what", "when", "where", "how", "whether", "if", "then", "than", "also", "just", "really", "basically", "simple", "small", "little", "quick", "nice", "good", "new", "some", "any", "all", "each", "every",
  "please", "want", "need", "like", "would", "could", "should", "can", "will", "let", "make", "build", "create", "give", "get", "have", "has", "had", "do", "does", "app", "application", "tool", "thing", "something", "way", "able", "help", "use",
  "im", "i'm", "i've", "ive", "it's", "there", "here", "about", "up", "out", "one", "ones", "lot", "lots", "bit", "kind", "sort", "maybe", "probably", "okay", "ok", "hi", "hello", "thanks", "thank", "yeah", "um", "uh", "very", "too", "much", "more", "own", "run", "see", "show", "log", "list", "needs", "know", "let", "want", "keep", "track", "remember", "enter", "add", "type", "write", "down",
  // Words about showing things: what is shown is read elsewhere.
  "dashboard", "showing", "shows", "shown", "display", "displays", "displaying", "screen", "view", "overview", "summary", "nice-looking", "clean", "lending", "borrowing",
]);
