"use client";

import { describeError } from "~/lib/trpc/errors";
import { Button } from "./button";

/** A failed query, said plainly, with a way to try again. */
export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
      <span className="min-w-0 flex-1">
        Could not load {what}: {describeError(error)}
      </span>
      <Button variant="secondary" className="px-3 py-1" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
