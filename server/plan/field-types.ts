// The kinds of field a planned entity can have. Zod-free on purpose: the plan editor in the
// browser offers these in a select without shipping the schema library.
export const fieldTypes = ["string", "text", "number", "money", "rating", "boolean", "date", "time", "email", "phone", "url", "enum", "image"] as const;
export type TFieldType = (typeof fieldTypes)[number];
