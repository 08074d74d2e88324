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
import { ApiTokenScope } from "~/server/db/generated/enums";
import { describeError } from "~/lib/trpc/errors";

// Keyed by Prisma's enum (a browser-safe constants module): a new scope fails to compile until it has a label.
const scopes: Record<ApiTokenScope, string> = {
  READ: "Read: look at projects, runs, versions and analytics",
  WRITE: "Write: also create projects, follow up, approve, cancel and roll back",
  ADMIN: "Admin: also manage the workspace's members, invitations and settings",
};

const selectClass =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950 focus:outline-none focus:ring-2 focus:ring-brand-500";

/** API tokens for scripts and the CLI: one workspace and one scope each, always expiring; the secret is shown once. */
export function ApiTokensSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { workspace, workspaces } = useActiveWorkspace();
  const tokens = useQuery(trpc.user.listApiTokens.queryOptions());
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.user.listApiTokens.pathKey() });
  const onError = (error: unknown) => toast.error(describeError(error));

  const create = useMutation(
    trpc.user.createApiToken.mutationOptions({
      onSuccess: (token) => {
        setCreated({ name: token.name, secret: token.secret });
        refresh();
      },
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.user.revokeApiToken.mutationOptions({
      onSuccess: () => {
        toast.success(`Revoked ${revoking?.name ?? "the token"}; it stops working now`);
        setRevoking(null);
        refresh();
      },
      onError,
    }),
  );

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("tokenName") ?? "").trim();
    if (!name) return toast.error("Give the token a name");
    create.mutate(
      {
        name,
        workspaceId: String(form.get("tokenWorkspace") ?? workspace?.id ?? ""),
        scope: Object.values(ApiTokenScope).find((scope) => scope === form.get("tokenScope")) ?? ApiTokenScope.READ,
        expiresInDays: Number(form.get("tokenDays") ?? 90),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <section aria-labelledby="tokens-heading" className="space-y-4" data-testid="api-tokens">
      <div>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          For scripts and the CLI (<code>Authorization: Bearer epic_…</code>). A token acts in one workspace with one scope, expires, and
          cannot create other tokens.
        </p>
      </div>

      {created && (
        <div role="status" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
          <p>
            Copy <strong>{created.name}</strong> now: this is the only time its secret is shown.
          </p>
          <code data-testid="new-token-secret" className="block break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-950">
            {created.secret}
          </code>
          <Button variant="secondary" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      )}

      <form onSubmit={onCreate} className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 dark:border-zinc-800 dark:bg-zinc-900">
        <Field label="Token name" htmlFor="tokenName">
          <TextInput id="tokenName" name="tokenName" maxLength={60} placeholder="ci-deploys" required />
        </Field>
        <Field label="Token's workspace" htmlFor="tokenWorkspace">
          <select id="tokenWorkspace" name="tokenWorkspace" defaultValue={workspace?.id} key={workspace?.id} className={selectClass}>
            {workspaces.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Scope" htmlFor="tokenScope">
          <select id="tokenScope" name="tokenScope" defaultValue="READ" className={selectClass}>
            {Object.values(ApiTokenScope).map((scope) => (
              <option key={scope} value={scope}>
                {scopes[scope]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Expires after" htmlFor="tokenDays">
          <select id="tokenDays" name="tokenDays" defaultValue="90" className={selectClass}>
            {[7, 30, 90, 180, 365].map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" isLoading={create.isPending}>
            Create token
          </Button>
        </div>
      </form>

      {tokens.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          Could not load tokens: {describeError(tokens.error)}
        </p>
      ) : tokens.data && tokens.data.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-sm">
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Workspace</th>
                <th className="px-4 py-2 font-medium">Scope</th>
                <th className="px-4 py-2 font-medium">Last used</th>
                <th className="px-4 py-2 font-medium">Expires</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid="api-token-row">
                  <td className="px-4 py-2">
                    {token.name} <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{token.prefix}…</span>
                  </td>
                  <td className="px-4 py-2">{token.workspace.name}</td>
                  <td className="px-4 py-2">{token.scope.toLowerCase()}</td>
                  <td className="px-4 py-2">{token.lastUsedAt ? formatRelativeTime(token.lastUsedAt) : "never"}</td>
                  <td className="px-4 py-2">{token.expiresAt ? token.expiresAt.toISOString().slice(0, 10) : "never"}</td>
                  <td className="px-4 py-2 text-right">
                    <Button variant="secondary" onClick={() => setRevoking({ id: token.id, name: token.name })}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : tokens.data ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No tokens yet.</p>
      ) : null}

      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          confirmLabel="Revoke"
          isPending={revoke.isPending}
          onConfirm={() => revoke.mutate({ tokenId: revoking.id })}
          onCancel={() => setRevoking(null)}
        >
          Everything using it stops working at once, including event streams it opened.
        </ConfirmDialog>
      )}
    </section>
  );
}
