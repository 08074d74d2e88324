"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "~/components/ui/button";
import { Field, TextArea } from "~/components/ui/field";
import { useKeyboardShortcuts } from "~/lib/hooks/use-keyboard-shortcuts";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import { deployTargetLabels, externalDeployTargets, targetProviders, type TExternalDeployTarget } from "~/server/events/deploy-targets";
import { PROMPT_MAX_LENGTH, promptProblem } from "~/server/projects/prompt-rules";

const examples = ["A todo app with due dates and priorities", "A CRM for contacts and deals", "A recipe box with ingredients and tags"];

export function CreateProjectForm({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [prompt, setPrompt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [requiresPlanApproval, setRequiresPlanApproval] = useState(false);
  const [chosenTargets, setChosenTargets] = useState<TExternalDeployTarget[]>([]);
  // The targets the workspace has a connection for (a viewer may not list them: then none are offered).
  const integrations = useQuery({ ...trpc.integration.list.queryOptions({ workspaceId }), retry: false });
  const connected = new Set<string>(integrations.data?.connections.map((connection) => connection.provider) ?? []);
  const offeredTargets = externalDeployTargets.filter((target) => connected.has(targetProviders[target]));
  const promptBox = useRef<HTMLTextAreaElement>(null);
  useKeyboardShortcuts({ n: () => promptBox.current?.focus() });
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: async ({ project }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.project.list.pathKey() });
        router.push(`/projects/${project.id}`);
      },
      onError: (caught) => setError(describeError(caught)),
    }),
  );

  function submit() {
    const problem = promptProblem(prompt);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    const deployTargets = chosenTargets.filter((target) => offeredTargets.includes(target));
    create.mutate({ workspaceId, prompt: prompt.trim(), requiresPlanApproval, ...(deployTargets.length ? { deployTargets } : {}) });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
  }

  const isTooLong = prompt.length > PROMPT_MAX_LENGTH;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label="Prompt" htmlFor="prompt" error={error}>
        <TextArea
          ref={promptBox}
          id="prompt"
          name="prompt"
          rows={6}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="A kanban board for my team with columns To do, Doing and Done…"
          aria-invalid={!!error}
          aria-describedby={error ? "prompt-error" : "prompt-count"}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span id="prompt-count" className={`text-xs ${isTooLong ? "text-red-600" : "text-zinc-500 dark:text-zinc-400"}`}>
          {prompt.length.toLocaleString("en-US")} / {PROMPT_MAX_LENGTH.toLocaleString("en-US")} · ⌘/Ctrl + Enter to submit
        </span>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input
              type="checkbox"
              checked={requiresPlanApproval}
              onChange={(event) => setRequiresPlanApproval(event.target.checked)}
              className="size-4 accent-brand-600"
            />
            Review the plan before agents build
          </label>
          <Button type="submit" isLoading={create.isPending} aria-keyshortcuts="Control+Enter">
            Create project
          </Button>
        </div>
      </div>
      {offeredTargets.length > 0 && (
        <fieldset className="flex flex-wrap items-center gap-3 text-sm text-zinc-700 dark:text-zinc-300">
          <legend className="sr-only">Deploy targets</legend>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Also deploy to</span>
          {offeredTargets.map((target) => (
            <label key={target} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={chosenTargets.includes(target)}
                onChange={(event) => setChosenTargets((current) => (event.target.checked ? [...current, target] : current.filter((item) => item !== target)))}
                className="size-4 accent-brand-600"
              />
              {deployTargetLabels[target]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2" aria-label="Example prompts">
        {examples.map((example) => (
          <button
            key={example}
            type="button"
            onClick={() => setPrompt(example)}
            className="rounded-full border border-zinc-300 px-3 py-1 text-xs text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {example}
          </button>
        ))}
      </div>
    </form>
  );
}
