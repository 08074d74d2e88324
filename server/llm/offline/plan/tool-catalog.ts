// The single-purpose tools the offline compiler can build. A tool plan carries no extra field in
// the schema: the tool is identified by its page path, so any plan (ours or an LLM's) that uses
// one of these paths gets the matching implementation.

export const toolIds = ["calculator", "converter", "tip", "timer", "stopwatch", "pomodoro", "wordcount", "bmi"] as const;
export type ToolId = (typeof toolIds)[number];

export interface ToolSpec {
  id: ToolId;
  path: string;
  title: string;
  purpose: string;
  pattern: RegExp;
  features: string[];
}

// Order matters: the first matching pattern wins ("pomodoro timer" is a pomodoro, not a timer).
export const toolCatalog: ToolSpec[] = [
  {
    id: "pomodoro", path: "/pomodoro", title: "Pomodoro", pattern: /pomodoro|focus timer/,
    purpose: "Alternate 25-minute focus sessions with short and long breaks.",
    features: ["Focus, short break and long break modes", "Start, pause and reset", "Completed focus sessions are remembered"],
  },
  {
    id: "stopwatch", path: "/stopwatch", title: "Stopwatch", pattern: /stop ?watch|lap timer/,
    purpose: "Measure elapsed time with laps.",
    features: ["Start, pause and reset", "Lap times", "Laps are remembered across reloads"],
  },
  {
    id: "tip", path: "/tip-calculator", title: "Tip calculator", pattern: /\btips?\b|split (the |a )?bill|gratuity/,
    purpose: "Work out the tip, the total and each person's share of a bill.",
    features: ["Tip percentage presets", "Split between any number of people", "Remembers the last bill"],
  },
  {
    id: "bmi", path: "/bmi-calculator", title: "BMI calculator", pattern: /\bbmi\b|body mass/,
    purpose: "Compute body mass index from height and weight.",
    features: ["Metric height and weight", "BMI category", "Remembers your last entry"],
  },
  {
    id: "wordcount", path: "/word-counter", title: "Word counter", pattern: /word ?count|character count|count (the )?words|reading time/,
    purpose: "Count words, characters, sentences and reading time of a text.",
    features: ["Live word, character and sentence counts", "Reading time estimate", "Keeps your draft across reloads"],
  },
  {
    id: "converter", path: "/unit-converter", title: "Unit converter", pattern: /convert|conversion/,
    purpose: "Convert between units of length, weight, temperature and volume.",
    features: ["Length, weight, temperature and volume", "Swap units", "Remembers your last conversion"],
  },
  {
    id: "timer", path: "/timer", title: "Timer", pattern: /\btimer\b|count ?down|egg timer|kitchen timer/,
    purpose: "Count down from a chosen duration.",
    features: ["Set minutes and seconds", "Start, pause and reset", "Remembers the last duration"],
  },
  {
    id: "calculator", path: "/calculator", title: "Calculator", pattern: /calculator|calculate|arithmetic|\bmath\b/,
    purpose: "Do arithmetic with a keypad and keep a history of results.",
    features: ["Add, subtract, multiply and divide", "Keyboard-friendly keypad", "History of results kept across reloads"],
  },
];

export const toolByPath = (path: string): ToolSpec | undefined => toolCatalog.find((t) => t.path === path);
export const toolById = (id: ToolId): ToolSpec => toolCatalog.find((t) => t.id === id)!;
export const detectTool = (text: string): ToolSpec | undefined => toolCatalog.find((t) => t.pattern.test(text));
