// First-turn compilation: prompt text → core decisions.
import type { TPlanField } from "~/server/plan/plan-schema";
import { detectKind } from "./detect-kind";
import { defaultAccent, detectTheme } from "./detect-theme";
import { extractEntities } from "./extract-entities";
import { labelOf, safeText, titleOf, wordsOf } from "./naming";
import { requestedName } from "./normalize-prompt";
import type { PlanCore } from "./plan-core";
import { detectTool } from "./tool-catalog";

/** Board columns named in the prompt: "columns backlog, doing and done". */
export function columnsIn(text: string): string[] | undefined {
  const m = /\b(?:columns?|stages?|lanes?|statuses)\s*(?:like|such as|for|named|called|of|:|are|=)?\s*((?:[a-z0-9' ]+(?:,|\band\b|\bor\b|\/|->|→)\s*){1,7}[a-z0-9' ]+)/.exec(text);
  if (!m) return undefined;
  const names = m[1]!
    .split(/,|\band\b|\bor\b|\/|->|→/)
    .map((s) => wordsOf(s).slice(0, 3))
    .filter((w) => w.length > 0)
    .map((w) => labelOf(w).slice(0, 40));
  const unique = names.filter((n, i) => names.findIndex((x) => x.toLowerCase() === n.toLowerCase()) === i);
  return unique.length >= 2 ? unique.slice(0, 8) : undefined;
}

function landingSubject(text: string): string | undefined {
  const m = /\b(?:for|about)\s+(?:my|our|a|an|the)?\s*((?:[a-z0-9]+\s?){1,4})/.exec(text);
  if (!m) return undefined;
  const words = wordsOf(m[1]!);
  const cut = words.findIndex((w) => ["with", "that", "and", "which", "called", "named", "in", "using"].includes(w));
  const subject = (cut === -1 ? words : words.slice(0, cut)).slice(0, 4);
  return subject.length ? titleOf(subject) : undefined;
}

export function coreFromPrompt(text: string, rawPrompt: string): PlanCore {
  const extracted = extractEntities(text);
  const kind = detectKind(text, extracted.known);
  const theme = detectTheme(text);
  const name = requestedName(text);
  const core: PlanCore = {
    appName: name ? titleOf(name) : (extracted.suggestedName ?? "My App"),
    kind,
    theme: { colorScheme: theme.colorScheme ?? "light", accent: theme.accent ?? defaultAccent },
    entities: extracted.entities,
    request: safeText(rawPrompt, 200),
  };
  switch (kind) {
    case "tool": {
      const tool = detectTool(text)!;
      core.tool = tool.id;
      core.entities = [];
      if (!name) core.appName = titleOf(wordsOf(tool.title));
      break;
    }
    case "landing":
      core.entities = [];
      if (!name) core.appName = landingSubject(text) ?? "Launchpad";
      break;
    case "kanban": {
      if (core.entities.length === 0) {
        core.entities = [{ name: "Card", pluralLabel: "Cards", fields: [{ name: "title", label: "Title", type: "string", required: true }, { name: "priority", label: "Priority", type: "enum", required: false, options: ["Low", "Medium", "High"] }, { name: "notes", label: "Notes", type: "text", required: false }], belongsTo: [] }];
      }
      const columns = columnsIn(text);
      const main = core.entities[0]!;
      // Only a real status-like field becomes the columns; a "priority" enum must stay a priority.
      const status = main.fields.find((f) => f.type === "enum" && /^(status|stage|state)$/.test(f.name));
      const statusField: TPlanField = { name: "status", label: "Status", type: "enum", required: false, options: columns ?? status?.options ?? ["To do", "In progress", "Done"] };
      main.fields = status ? main.fields.map((f) => (f === status ? { ...f, options: statusField.options } : f)) : [...main.fields, statusField];
      if (!name) core.appName = `${titleOf(wordsOf(main.pluralLabel))} Board`;
      break;
    }
    case "dashboard":
      if (!name && !/dashboard/i.test(core.appName)) core.appName = `${core.appName} Dashboard`;
      break;
    case "crud":
      break;
  }
  // Nothing recognisable at all (gibberish, hostile text): a tidy general-purpose item list.
  if ((kind === "crud" || kind === "dashboard") && core.entities.length === 0) {
    core.entities = [{ name: "Item", pluralLabel: "Items", fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "category", label: "Category", type: "enum", required: false, options: ["General", "Work", "Personal", "Other"] }, { name: "date", label: "Date", type: "date", required: false }, { name: "notes", label: "Notes", type: "text", required: false }], belongsTo: [] }];
    if (!name) core.appName = kind === "dashboard" ? "Items Dashboard" : "My Items";
  }
  return core;
}
