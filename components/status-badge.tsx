import { runStatusLabels } from "~/server/events/run-statuses";

const green = "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300";
const amber = "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300";
const tone: Record<string, string> = {
  READY: green,
  SUCCEEDED: green,
  // Deployed, but not everything asked for was verified or met: amber, never the success green.
  READY_WITH_GAPS: amber,
  FAILED: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-300",
  CANCELLED: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  QUEUED: amber,
  WAITING: amber,
};
const running = "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-300";

function labelOf(status: string): string {
  if (status in runStatusLabels) return runStatusLabels[status as keyof typeof runStatusLabels];
  return status.charAt(0) + status.slice(1).toLowerCase();
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${tone[status] ?? running}`} data-status={status}>
      {labelOf(status)}
    </span>
  );
}
