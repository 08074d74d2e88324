// Which of the five app kinds a prompt asks for.
import type { TPlan } from "~/server/plan/plan-schema";
import { detectTool } from "./tool-catalog";

export const landingPattern = /landing ?page|marketing (site|page)|\bwaitlist\b|launch page|coming soon|splash page|product page|home ?page for/;
export const kanbanPattern = /kanban|trello|\bboard\b|scrum|swim ?lanes?|\bcolumns?\b.*\bcards?\b/;
export const dashboardPattern = /dashboard|\bcharts?\b|\bgraphs?\b|analytics|visuali[sz]|\bstats\b|statistics|\breports?\b|\bby (category|month|type|status|stage)\b|\bkpis?\b|\bmetrics\b/;

export function detectKind(text: string, hasKnownEntities: boolean): TPlan["kind"] {
  if (landingPattern.test(text)) return "landing";
  if (kanbanPattern.test(text) && !/dashboard/.test(text)) return "kanban";
  if (dashboardPattern.test(text)) return "dashboard";
  if (detectTool(text) && !hasKnownEntities) return "tool";
  return "crud";
}
