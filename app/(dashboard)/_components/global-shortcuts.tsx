"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useKeyboardShortcuts } from "~/lib/hooks/use-keyboard-shortcuts";

// One list for the help dialog and the docs; the handlers live with the pages that own the actions.
const shortcutHelp: Array<{ keys: string; action: string; where: string }> = [
  { keys: "g p", action: "Go to projects", where: "Anywhere" },
  { keys: "g a", action: "Go to analytics", where: "Anywhere" },
  { keys: "g s", action: "Go to settings", where: "Anywhere" },
  { keys: "?", action: "Show keyboard shortcuts", where: "Anywhere" },
  { keys: "n", action: "New project (focus the prompt)", where: "Projects" },
  { keys: "Ctrl Enter", action: "Submit the prompt", where: "Prompt boxes" },
  { keys: "a", action: "Approve the plan", where: "Project, while a plan waits" },
  { keys: "r", action: "Retry a failed or cancelled run", where: "Project" },
  { keys: "f", action: "Write a follow-up prompt", where: "Project" },
  { keys: "o", action: "Open the preview in a new tab", where: "Project" },
];

export function GlobalShortcuts() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  useKeyboardShortcuts({
    "g p": () => router.push("/projects"),
    "g a": () => router.push("/analytics"),
    "g s": () => router.push("/settings"),
    "?": () => dialog.current?.showModal(),
  });

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="p-5">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="shortcuts-title" className="font-semibold">
            Keyboard shortcuts
          </h2>
          <button type="button" onClick={() => dialog.current?.close()} className="rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
            Close
          </button>
        </div>
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th>Keys</th>
              <th>Action</th>
              <th>Where</th>
            </tr>
          </thead>
          <tbody>
            {shortcutHelp.map((shortcut) => (
              <tr key={shortcut.keys} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1.5 pr-3">
                  {shortcut.keys.split(" ").map((key) => (
                    <kbd key={key} className="mr-1 rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700">
                      {key}
                    </kbd>
                  ))}
                </td>
                <td className="py-1.5">{shortcut.action}</td>
                <td className="py-1.5 text-xs text-zinc-500 dark:text-zinc-400">{shortcut.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
