"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Field, TextInput } from "~/components/ui/field";
import { formatRelativeTime } from "~/lib/format";
import { useUiStore } from "~/lib/stores/ui-store";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { RouterInputs, RouterOutputs } from "~/lib/trpc/types";
import { workspaceRoles, type TWorkspaceRole } from "~/server/workspaces/roles";

export const roleDescriptions: Record<TWorkspaceRole, string> = {
  OWNER: "Owner — everything, including managing owners",
  ADMIN: "Admin — members and settings",
  MEMBER: "Member — create and run projects",
  VIEWER: "Viewer — read only",
};

const assignableRoles = (myRole: TWorkspaceRole): TWorkspaceRole[] =>
  myRole === "OWNER" ? ["VIEWER", "MEMBER", "ADMIN", "OWNER"] : ["VIEWER", "MEMBER", "ADMIN"];

type Workspace = Pick<RouterOutputs["workspace"]["list"][number], "id" | "name" | "role">;
type CreatedLink = { email: string; url: string };

/** Invite form, the link to pass on, and the invitations still waiting. For owners and admins of a team workspace. */
export function InvitationsSettings({ workspace }: { workspace: Workspace }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<CreatedLink | null>(null);
  // Remounting the form clears it after a successful invitation.
  const [formKey, setFormKey] = useState(0);
  const invite = useMutation(
    trpc.workspace.invite.mutationOptions({
      onSuccess: (result) => {
        setLink({ email: result.invitation.email, url: `${window.location.origin}${result.path}` });
        setFormKey((key) => key + 1);
        toast.success(`Invitation link for ${result.invitation.email} created`);
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.invitations.pathKey() });
      },
      onError: (error) => toast.error(describeError(error)),
    }),
  );

  return (
    <div className="space-y-6">
      <InviteMemberForm key={formKey} workspace={workspace} isPending={invite.isPending} error={invite.error} onInvite={(input) => invite.mutate(input)} />
      {link && <InviteLink link={link} onDismiss={() => setLink(null)} />}
      <PendingInvitations workspace={workspace} onNewLink={(input) => invite.mutate(input)} isPending={invite.isPending} />
    </div>
  );
}

type InviteInput = RouterInputs["workspace"]["invite"];

function InviteMemberForm({
  workspace,
  isPending,
  error,
  onInvite,
}: {
  workspace: Workspace;
  isPending: boolean;
  error: unknown;
  onInvite: (input: InviteInput) => void;
}) {
  const [emailError, setEmailError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A quick shape check so a typo is caught before a round trip; the server's schema has the last word.
    const email = String(form.get("email") ?? "").trim();
    const role = workspaceRoles.find((candidate) => candidate === form.get("role")) ?? "MEMBER";
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setEmailError(email ? "Enter a valid email address" : "Enter the email address to invite");
      return;
    }
    setEmailError(null);
    onInvite({ workspaceId: workspace.id, email, role });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" noValidate>
      <h3 className="font-medium">Invite someone</h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This server does not send email: you get a link to copy and send yourself. It works for 7 days, only for the invited email.
      </p>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-end">
        <Field label="Email" htmlFor="invite-email" error={emailError ?? (error ? describeError(error) : null)}>
          <TextInput id="invite-email" name="email" type="email" autoComplete="off" required aria-invalid={!!emailError} placeholder="name@example.com" />
        </Field>
        <Field label="Role" htmlFor="invite-role">
          <select
            id="invite-role"
            name="role"
            defaultValue="MEMBER"
            className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {assignableRoles(workspace.role).map((role) => (
              <option key={role} value={role}>
                {roleDescriptions[role]}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" isLoading={isPending}>
          Create invite link
        </Button>
      </div>
    </form>
  );
}

function InviteLink({ link, onDismiss }: { link: CreatedLink; onDismiss: () => void }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      toast.success("Link copied");
    } catch {
      // Clipboard access needs a secure context (https or localhost); selecting lets people copy by hand.
      (document.getElementById("invite-link") as HTMLInputElement | null)?.select();
      toast.error("Could not copy automatically. The link is selected: copy it with your keyboard.");
    }
  }

  return (
    <div role="status" className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm dark:border-emerald-900 dark:bg-emerald-950/40">
      <label htmlFor="invite-link" className="block font-medium text-emerald-900 dark:text-emerald-200">
        Invite link for {link.email}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <TextInput id="invite-link" readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} className="font-mono text-xs" />
        <div className="flex gap-2">
          <Button type="button" onClick={() => void copy()}>
            Copy
          </Button>
          <Button type="button" variant="ghost" onClick={onDismiss}>
            Done
          </Button>
        </div>
      </div>
      <p className="text-emerald-900/80 dark:text-emerald-200/80">
        Send it to them yourself (chat, email). It is shown only now; creating a new link for the same email replaces this one.
      </p>
    </div>
  );
}

function PendingInvitations({ workspace, onNewLink, isPending }: { workspace: Workspace; onNewLink: (input: InviteInput) => void; isPending: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.workspace.invitations.queryOptions({ workspaceId: workspace.id }));
  const revoke = useMutation(
    trpc.workspace.revokeInvitation.mutationOptions({
      onSuccess: () => {
        toast.success("Invitation revoked; its link no longer works");
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.invitations.pathKey() });
      },
      onError: (error) => toast.error(describeError(error)),
    }),
  );

  if (invitations.isPending) return <div className="h-16 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading invitations" />;
  if (invitations.isError) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">Could not load invitations: {describeError(invitations.error)}</p>;
  if (invitations.data.length === 0) return null;

  return (
    <section aria-labelledby="invitations-heading" className="space-y-2">
      <h3 id="invitations-heading" className="font-medium">
        Pending invitations
      </h3>
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {invitations.data.map((invitation) => {
          // Admins leave owner invitations to owners, as the server does.
          const canTouch = workspace.role === "OWNER" || invitation.role !== "OWNER";
          return (
            <li key={invitation.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{invitation.email}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {invitation.role.toLowerCase()} ·{" "}
                  {invitation.isExpired ? (
                    <span className="text-amber-700 dark:text-amber-400">expired {formatRelativeTime(new Date(invitation.expiresAt))}</span>
                  ) : (
                    `expires ${formatRelativeTime(new Date(invitation.expiresAt))}`
                  )}
                  {invitation.invitedBy && ` · by ${invitation.invitedBy.name ?? invitation.invitedBy.email}`}
                </p>
              </div>
              {canTouch && (
                <div className="flex gap-2">
                  <Button
                    variant="secondary"
                    className="px-2 py-1 text-xs"
                    disabled={isPending}
                    aria-label={`Create a new invite link for ${invitation.email}`}
                    onClick={() => onNewLink({ workspaceId: workspace.id, email: invitation.email, role: invitation.role })}
                  >
                    New link
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs text-red-700 dark:text-red-400"
                    isLoading={revoke.isPending && revoke.variables?.invitationId === invitation.id}
                    aria-label={`Revoke the invitation for ${invitation.email}`}
                    onClick={() => revoke.mutate({ workspaceId: workspace.id, invitationId: invitation.id })}
                  >
                    Revoke
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Personal workspaces are not shared (server/workspaces/invitations.ts), so where someone would
 * invite from their personal workspace they are offered a team workspace instead.
 */
export function CreateTeamWorkspace() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setActiveWorkspaceId = useUiStore((state) => state.setActiveWorkspaceId);
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: async (workspace) => {
        // The active workspace must be in the cached list first, or the switcher falls back to the first one.
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey(), refetchType: "all" });
        setActiveWorkspaceId(workspace.id);
        toast.success(`Created ${workspace.name}. Invite people to it below.`);
      },
      onError: (error) => setNameError(describeError(error)),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setNameError("Give the workspace a name");
    setNameError(null);
    create.mutate({ name });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" noValidate>
      <h3 className="font-medium">Work with others</h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your personal workspace is just for you. Create a team workspace to invite people; you will be its owner.
      </p>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <Field label="Team workspace name" htmlFor="team-name" error={nameError}>
          <TextInput id="team-name" name="name" maxLength={80} required aria-invalid={!!nameError} />
        </Field>
        <Button type="submit" isLoading={create.isPending}>
          Create team workspace
        </Button>
      </div>
    </form>
  );
}
