"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { Field, TextInput } from "~/components/ui/field";
import { useActiveWorkspace } from "~/lib/hooks/use-active-workspace";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";

const providerLabels: Record<string, string> = {
  offline: "Offline spec compiler (no keys, deterministic)",
  openai: "OpenAI",
  anthropic: "Anthropic",
  "openai-compatible": "OpenAI-compatible (Ollama, LM Studio, vLLM, OpenRouter)",
};

const toNumberOrNull = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? null : Number(value));

export function WorkspaceSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { workspace } = useActiveWorkspace();
  const workspaceId = workspace?.id ?? "";
  const settings = useQuery({ ...trpc.workspace.settings.queryOptions({ workspaceId }), enabled: Boolean(workspace) });
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "ok", text: "Settings saved" });
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.settings.pathKey() });
      },
      onError: (error) => setMessage({ tone: "error", text: describeError(error) }),
    }),
  );

  if (!workspace || !settings.data) return <div className="h-64 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading" />;
  const canEdit = workspace.role === "OWNER" || workspace.role === "ADMIN";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      workspaceId,
      modelProvider: String(form.get("modelProvider")) as "offline",
      modelName: String(form.get("modelName") ?? "").trim() || null,
      runBudgetTokens: toNumberOrNull(form.get("runBudgetTokens")),
      runBudgetUsd: toNumberOrNull(form.get("runBudgetUsd")),
      requirePlanApproval: form.get("requirePlanApproval") === "on",
    });
  }

  return (
    <div className="max-w-2xl">
      <section className="space-y-4" aria-labelledby="agents-heading">
        <h1 id="agents-heading" className="text-2xl font-semibold tracking-tight">Settings · {workspace.name}</h1>
        <form key={workspace.id} onSubmit={onSubmit} className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900" noValidate>
          <fieldset disabled={!canEdit} className="space-y-4">
            <Field label="Model provider" htmlFor="modelProvider" hint="Keys are read from the server's environment, never stored here.">
              <select
                id="modelProvider"
                name="modelProvider"
                defaultValue={settings.data.modelProvider}
                className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              >
                {Object.entries(providerLabels).map(([value, label]) => (
                  <option key={value} value={value} disabled={!settings.data.configuredProviders.includes(value as "offline")}>
                    {label}
                    {settings.data.configuredProviders.includes(value as "offline") ? "" : " — not configured on this server"}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Model name" htmlFor="modelName" hint="Leave empty for the provider's default.">
              <TextInput id="modelName" name="modelName" defaultValue={settings.data.modelName ?? ""} />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Token budget per run" htmlFor="runBudgetTokens" hint="Empty: no limit.">
                <TextInput id="runBudgetTokens" name="runBudgetTokens" type="number" min={1000} defaultValue={settings.data.runBudgetTokens ?? ""} />
              </Field>
              <Field label="Dollar budget per run" htmlFor="runBudgetUsd" hint="Empty: no limit.">
                <TextInput id="runBudgetUsd" name="runBudgetUsd" type="number" min={0.01} step={0.01} defaultValue={settings.data.runBudgetUsd ?? ""} />
              </Field>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="requirePlanApproval" defaultChecked={settings.data.requirePlanApproval} className="size-4" />
              Require plan approval before building (new runs)
            </label>
          </fieldset>
          {message && (
            <p role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-red-600" : "text-emerald-700 dark:text-emerald-400"}`}>
              {message.text}
            </p>
          )}
          {canEdit ? (
            <Button type="submit" isLoading={save.isPending}>
              Save settings
            </Button>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Only owners and admins can change these settings.</p>
          )}
        </form>
      </section>
    </div>
  );
}
