// Words that compare two numbers of the same record: "products below their reorder level",
// "projects over their budget", "stock at or under its minimum". Read by compose/thresholds.ts;
// each pattern is followed in the prompt by the field compared against.

export type Comparison = { pattern: string; op: "lt" | "lte" | "gt" | "gte"; words: string };

/** Longest phrasings first: "at or below" must win over "below". */
export const comparisons: Comparison[] = [
  { pattern: "at or below|under", op: "lte", words: "at or below" },
  { pattern: "at or above|over", op: "gte", words: "at or above" },
  { pattern: "less|fewer|lower than", op: "lt", words: "below" },
  { pattern: "more|greater|higher than", op: "gt", words: "above" },
  { pattern: "below|under|beneath", op: "lt", words: "below" },
  { pattern: "above|over|exceed|exceeds|exceeding", op: "gt", words: "above" },
];

/** Words between the comparison and the field it names: "below their reorder level". */
export const comparedDeterminers = ["their", "its", "the", "his", "her", "own", "a", "my"];
