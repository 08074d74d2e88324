"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "~/components/ui/button";

/**
 * A modal confirmation, open while mounted: render it when there is something to confirm and
 * unmount it in `onCancel`/after `onConfirm`. The native <dialog> gives the focus trap and
 * Escape; focus starts on Cancel, so Enter on a stray key press never confirms.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  isPending = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isPending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.current?.open) dialog.current?.showModal();
    dialog.current?.querySelector<HTMLButtonElement>("[data-cancel]")?.focus();
    // Unmounting an open dialog drops focus on <body>; give it back to what opened it, if still there.
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      // Escape closes the dialog natively (then `close` fires), except while the action is running.
      onCancel={(event) => {
        if (isPending) event.preventDefault();
      }}
      onClose={onCancel}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget && !isPending) event.currentTarget.close();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        <div id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {children}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button data-cancel variant="secondary" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} isLoading={isPending}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
