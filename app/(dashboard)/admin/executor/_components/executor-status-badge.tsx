import type { ExecutorRunStatus, ExecutorStepStatus } from "~/server/db/generated/enums";

// The executor's own run and step statuses (COMPLETED, RETRYING…) are not all in the product's StatusBadge.
const tones: Record<ExecutorRunStatus | ExecutorStepStatus, string> = {
  COMPLETED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300",
  FAILED: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-300",
  CANCELLED: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  QUEUED: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300",
  WAITING: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300",
  RETRYING: "bg-orange-100 text-orange-800 dark:bg-orange-900/40 dark:text-orange-300",
  RUNNING: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-300",
};

export function ExecutorStatusBadge({ status }: { status: string }) {
  const tone = tones[status as keyof typeof tones] ?? tones.RUNNING;
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>
      {status.charAt(0) + status.slice(1).toLowerCase()}
    </span>
  );
}
