"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Field, TextInput } from "~/components/ui/field";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";

/** The project's GitHub repository: link or create one, and choose commits or pull requests for follow-ups. */
export function GitHubPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const link = useQuery(trpc.integration.githubRepository.queryOptions({ projectId }));
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.integration.githubRepository.pathKey() });
  const onError = (caught: unknown) => setError(describeError(caught));
  const linkRepository = useMutation(
    trpc.integration.linkGitHubRepository.mutationOptions({
      onSuccess: (linked) => {
        toast.success(`Linked ${linked.owner}/${linked.name}: new versions are pushed to ${linked.branch}`);
        setError(null);
        refresh();
      },
      onError,
    }),
  );
  const setMode = useMutation(trpc.integration.setGitHubPullRequestMode.mutationOptions({ onSuccess: refresh, onError: (caught) => toast.error(describeError(caught)) }));
  const unlink = useMutation(trpc.integration.unlinkGitHubRepository.mutationOptions({ onSuccess: refresh, onError: (caught) => toast.error(describeError(caught)) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    linkRepository.mutate({
      projectId,
      name: String(form.get("repositoryName") ?? "").trim(),
      isNew: form.get("repositoryAction") === "create",
      isPullRequestMode: form.get("pullRequests") === "on",
    });
  }

  if (link.isError) return <p className="text-sm text-red-600 dark:text-red-400">{describeError(link.error)}</p>;
  if (link.data === undefined) return <div className="h-16 animate-pulse rounded bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading" />;

  if (link.data) {
    return (
      <div className="space-y-2 text-sm" data-testid="github-link">
        <p>
          Each new version is pushed to{" "}
          <a href={link.data.htmlUrl} className="text-brand-600 underline underline-offset-2 dark:text-brand-400" target="_blank" rel="noreferrer">
            {link.data.owner}/{link.data.name}
          </a>{" "}
          as one commit on <code>{link.data.branch}</code>
          {link.data.isPullRequestMode ? "; follow-ups open a pull request instead." : "."}
        </p>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" isLoading={setMode.isPending} onClick={() => setMode.mutate({ projectId, isPullRequestMode: !link.data!.isPullRequestMode })}>
              {link.data.isPullRequestMode ? "Commit follow-ups directly" : "Open pull requests for follow-ups"}
            </Button>
            <Button variant="secondary" isLoading={unlink.isPending} onClick={() => unlink.mutate({ projectId })}>
              Unlink
            </Button>
          </div>
        )}
      </div>
    );
  }

  if (!canEdit) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Not linked to a GitHub repository.</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-3 text-sm" data-testid="github-link-form">
      <p className="text-zinc-600 dark:text-zinc-400">
        Push every new version to GitHub (needs a GitHub connection in{" "}
        <Link href="/settings/integrations" className="text-brand-600 underline underline-offset-2 dark:text-brand-400">
          Settings → Integrations
        </Link>
        ).
      </p>
      <Field label="Repository name" htmlFor="repositoryName">
        <TextInput id="repositoryName" name="repositoryName" required maxLength={100} pattern="[A-Za-z0-9._\-]+" placeholder="my-app" />
      </Field>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Repository</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="repositoryAction" value="create" defaultChecked /> Create it (private)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="repositoryAction" value="link" /> Link an existing one
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="pullRequests" /> Follow-ups open pull requests
        </label>
      </fieldset>
      {error && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <Button type="submit" isLoading={linkRepository.isPending}>
        Link repository
      </Button>
    </form>
  );
}
