"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, TextInput } from "~/components/ui/field";
import { formatRelativeTime } from "~/lib/format";
import { useActiveWorkspace } from "~/lib/hooks/use-active-workspace";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { IntegrationProvider } from "~/server/db/generated/enums";

type FieldSpec = { name: string; label: string; isSecret?: boolean; isOptional?: boolean; hint?: string };
type ProviderSpec = { label: string; about: string; fields: FieldSpec[] };

// Keyed by Prisma's enum: a new provider fails to compile until it has a form. Field names match
// server/integrations/credentials.ts, which validates them on the server.
const providers: Record<IntegrationProvider, ProviderSpec> = {
  GITHUB: {
    label: "GitHub",
    about: "Pushes every new version of a linked project as one commit (follow-ups can open pull requests).",
    fields: [
      { name: "token", label: "Token", isSecret: true, hint: 'Classic token with the "repo" scope, or a fine-grained token with Contents and Administration (read and write).' },
      { name: "owner", label: "Owner (user or organization)" },
      { name: "baseUrl", label: "API URL (GitHub Enterprise)", isOptional: true, hint: "e.g. https://github.example.com/api/v3" },
    ],
  },
  VERCEL: {
    label: "Vercel",
    about: "Deploys each ready version to Vercel.",
    fields: [
      { name: "token", label: "Token", isSecret: true, hint: "Account Settings → Tokens; scope it to the team you deploy to." },
      { name: "teamId", label: "Team id", isOptional: true, hint: "team_…, for a team's projects" },
      { name: "baseUrl", label: "API URL", isOptional: true },
    ],
  },
  CLOUDFLARE: {
    label: "Cloudflare",
    about: "Deploys each ready version as Workers static assets.",
    fields: [
      { name: "apiToken", label: "API token", isSecret: true, hint: 'Permissions "Workers Scripts: Edit" and "Account Settings: Read".' },
      { name: "accountId", label: "Account id" },
      { name: "baseUrl", label: "API URL", isOptional: true },
    ],
  },
  AWS: {
    label: "AWS S3",
    about: "Syncs each ready version to an S3 website bucket (optionally invalidating CloudFront).",
    fields: [
      { name: "accessKeyId", label: "Access key id", isSecret: true, hint: "s3:ListBucket, GetObject, PutObject, DeleteObject and PutBucketWebsite on the bucket (cloudfront:CreateInvalidation for a distribution)." },
      { name: "secretAccessKey", label: "Secret access key", isSecret: true },
      { name: "region", label: "Region" },
      { name: "bucket", label: "Bucket" },
      { name: "cloudFrontDistributionId", label: "CloudFront distribution id", isOptional: true },
      { name: "endpoint", label: "S3 endpoint (S3-compatible stores)", isOptional: true },
    ],
  },
};

const providerOrder = Object.keys(providers) as IntegrationProvider[];

/** The non-empty fields of a form, as the credentials object the server validates. */
function readFields(form: HTMLFormElement, fields: FieldSpec[]): Record<string, string> {
  const data = new FormData(form);
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = String(data.get(field.name) ?? "").trim();
    if (value) values[field.name] = value;
  }
  return values;
}

export function IntegrationsSettings() {
  const trpc = useTRPC();
  const { workspace } = useActiveWorkspace();
  const workspaceId = workspace?.id ?? "";
  const list = useQuery({ ...trpc.integration.list.queryOptions({ workspaceId }), enabled: Boolean(workspace) });

  if (!workspace) return <div className="h-64 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading" />;
  const canEdit = workspace.role === "OWNER" || workspace.role === "ADMIN";

  return (
    <section aria-labelledby="integrations-heading" className="space-y-4" data-testid="integrations">
      <div>
        <h1 id="integrations-heading" className="text-xl font-semibold">
          Integrations
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Connections of <strong>{workspace.name}</strong> to where apps are pushed and deployed. Credentials are verified when saved, stored
          encrypted, and never shown again: only a masked hint.
          {!canEdit && " Owners and admins can connect, rotate and remove them."}
        </p>
      </div>
      {list.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          Could not load integrations: {describeError(list.error)}
        </p>
      ) : !list.data ? (
        <div className="h-40 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading" />
      ) : (
        providerOrder.map((provider) => (
          <ProviderCard
            key={provider}
            workspaceId={workspaceId}
            provider={provider}
            canEdit={canEdit}
            isAvailable={list.data.available.includes(provider)}
            connection={list.data.connections.find((item) => item.provider === provider) ?? null}
          />
        ))
      )}
    </section>
  );
}

type Connection = {
  accountLabel: string;
  scopes: string[];
  verifiedAt: Date;
  publicConfig: Record<string, string>;
  createdBy: { name: string | null; email: string } | null;
};

function ProviderCard({
  workspaceId,
  provider,
  canEdit,
  isAvailable,
  connection,
}: {
  workspaceId: string;
  provider: IntegrationProvider;
  canEdit: boolean;
  isAvailable: boolean;
  connection: Connection | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const spec = providers[provider];
  const [mode, setMode] = useState<"idle" | "connect" | "rotate">("idle");
  const [error, setError] = useState<string | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.integration.list.pathKey() });
  const done = (text: string) => {
    toast.success(text);
    setMode("idle");
    setError(null);
    refresh();
  };
  const onError = (caught: unknown) => setError(describeError(caught));
  const save = useMutation(trpc.integration.save.mutationOptions({ onSuccess: (saved) => done(`${spec.label} connected as ${saved.accountLabel}`), onError }));
  const rotate = useMutation(trpc.integration.rotate.mutationOptions({ onSuccess: () => done(`${spec.label} credentials rotated`), onError }));
  const remove = useMutation(
    trpc.integration.remove.mutationOptions({
      onSuccess: () => {
        setIsRemoving(false);
        done(`${spec.label} disconnected`);
      },
      onError: (caught) => toast.error(describeError(caught)),
    }),
  );
  const formFields = mode === "rotate" ? spec.fields.filter((field) => field.isSecret) : spec.fields;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readFields(event.currentTarget, formFields);
    setError(null);
    if (mode === "rotate") rotate.mutate({ workspaceId, provider, secrets: values });
    else save.mutate({ workspaceId, provider, credentials: values });
  }

  return (
    <div className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid={`integration-${provider}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 className="font-semibold">{spec.label}</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{spec.about}</p>
        </div>
        {connection ? (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">Connected</span>
        ) : !isAvailable ? (
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">Not available in this build</span>
        ) : null}
      </div>

      {connection && (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="integration-details">
          <dt className="text-zinc-500 dark:text-zinc-400">Account</dt>
          <dd>{connection.accountLabel}</dd>
          {connection.scopes.length > 0 && (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Scopes</dt>
              <dd>{connection.scopes.join(", ")}</dd>
            </>
          )}
          {spec.fields
            .filter((field) => connection.publicConfig[field.name])
            .map((field) => (
              <div key={field.name} className="contents">
                <dt className="text-zinc-500 dark:text-zinc-400">{field.label}</dt>
                <dd className={field.isSecret ? "font-mono" : undefined}>{connection.publicConfig[field.name]}</dd>
              </div>
            ))}
          <dt className="text-zinc-500 dark:text-zinc-400">Verified</dt>
          <dd>
            {formatRelativeTime(connection.verifiedAt)}
            {connection.createdBy ? ` by ${connection.createdBy.name ?? connection.createdBy.email}` : ""}
          </dd>
        </dl>
      )}

      {canEdit && isAvailable && mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          {connection ? (
            <>
              <Button variant="secondary" onClick={() => setMode("rotate")}>
                Rotate credentials
              </Button>
              <Button variant="secondary" onClick={() => setMode("connect")}>
                Reconnect
              </Button>
              <Button variant="secondary" onClick={() => setIsRemoving(true)}>
                Remove
              </Button>
            </>
          ) : (
            <Button onClick={() => setMode("connect")}>Connect {spec.label}</Button>
          )}
        </div>
      )}

      {mode !== "idle" && (
        <form onSubmit={onSubmit} autoComplete="off" className="grid gap-3 sm:grid-cols-2" aria-label={`${spec.label} credentials`}>
          {formFields.map((field) => (
            <Field key={field.name} label={field.isOptional ? `${field.label} (optional)` : field.label} htmlFor={`${provider}-${field.name}`} hint={field.hint}>
              <TextInput
                id={`${provider}-${field.name}`}
                name={field.name}
                type={field.isSecret ? "password" : "text"}
                autoComplete="off"
                spellCheck={false}
                required={!field.isOptional}
                defaultValue={mode === "connect" && !field.isSecret ? (connection?.publicConfig[field.name] ?? "") : ""}
              />
            </Field>
          ))}
          {error && (
            <p role="alert" className="text-sm text-red-600 sm:col-span-2 dark:text-red-400" data-testid="integration-error">
              {error}
            </p>
          )}
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" isLoading={save.isPending || rotate.isPending}>
              {mode === "rotate" ? "Verify and rotate" : "Verify and connect"}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setMode("idle");
                setError(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}

      {isRemoving && (
        <ConfirmDialog
          title={`Remove the ${spec.label} connection?`}
          confirmLabel="Remove"
          isPending={remove.isPending}
          onConfirm={() => remove.mutate({ workspaceId, provider })}
          onCancel={() => setIsRemoving(false)}
        >
          Pushes and deploys to {spec.label} stop until it is connected again. The credentials are deleted from this server; revoke them at{" "}
          {spec.label} too if they are no longer needed.
        </ConfirmDialog>
      )}
    </div>
  );
}
