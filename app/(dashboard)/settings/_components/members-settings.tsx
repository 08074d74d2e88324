"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { formatRelativeTime } from "~/lib/format";
import { useActiveWorkspace } from "~/lib/hooks/use-active-workspace";
import { useUiStore } from "~/lib/stores/ui-store";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { RouterOutputs } from "~/lib/trpc/types";
import { hasRoleAtLeast, workspaceRoles, type TWorkspaceRole } from "~/server/workspaces/roles";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { CreateTeamWorkspace, InvitationsSettings, roleDescriptions } from "./invitations-settings";

type Member = RouterOutputs["workspace"]["members"][number];
type PendingAction = { kind: "remove"; member: Member } | { kind: "leave" } | { kind: "demote-self"; role: TWorkspaceRole };

// Mirrors the server's rules (server/workspaces/members.ts) only to disable what would be refused.
const canManage = (myRole: TWorkspaceRole, targetRole: TWorkspaceRole) =>
  hasRoleAtLeast(myRole, "ADMIN") && (myRole === "OWNER" || targetRole !== "OWNER");

export function MembersSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const setActiveWorkspaceId = useUiStore((state) => state.setActiveWorkspaceId);
  const { workspace } = useActiveWorkspace();
  const workspaceId = workspace?.id ?? "";
  const me = useQuery(trpc.user.me.queryOptions());
  const members = useQuery({ ...trpc.workspace.members.queryOptions({ workspaceId }), enabled: Boolean(workspace) });
  const [pending, setPending] = useState<PendingAction | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.workspace.members.pathKey() });
    // Your own role shows in the workspace list, and decides what this page offers.
    void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.pathKey() });
  };
  const onError = (error: unknown) => toast.error(describeError(error));
  const changeRole = useMutation(
    trpc.workspace.changeRole.mutationOptions({
      onSuccess: (result) => {
        const member = members.data?.find((item) => item.id === result.userId);
        toast.success(`${member?.name ?? member?.email ?? "Member"} is now ${result.role.toLowerCase()}`);
        setPending(null);
        refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.workspace.removeMember.mutationOptions({
      onSuccess: (result) => {
        const member = members.data?.find((item) => item.id === result.userId);
        toast.success(`Removed ${member?.name ?? member?.email ?? "the member"}`);
        setPending(null);
        refresh();
      },
      onError,
    }),
  );
  const leave = useMutation(
    trpc.workspace.leave.mutationOptions({
      onSuccess: async () => {
        toast.success(`You left ${workspace?.name ?? "the workspace"}`);
        setPending(null);
        // Refetch first: the active workspace falls back to the first one still in the list.
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey(), refetchType: "all" });
        setActiveWorkspaceId(null);
        router.push("/projects");
      },
      onError,
    }),
  );

  if (!workspace || !members.data || !me.data) {
    if (members.isError) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">Could not load members: {describeError(members.error)}</p>;
    return <div className="h-40 animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading members" />;
  }

  const myId = me.data.id;
  const myRole = workspace.role;
  const ownerCount = members.data.filter((member) => member.role === "OWNER").length;
  const isOnlyOwner = (member: { role: TWorkspaceRole }) => member.role === "OWNER" && ownerCount <= 1;
  const isManager = hasRoleAtLeast(myRole, "ADMIN");
  const isPersonalOwner = workspace.isPersonal && myRole === "OWNER";

  function onRoleChange(member: Member, role: TWorkspaceRole) {
    // Stepping down yourself may take away the power to undo it: ask first.
    if (member.id === myId && !hasRoleAtLeast(role, myRole)) return setPending({ kind: "demote-self", role });
    changeRole.mutate({ workspaceId, userId: member.id, role });
  }

  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <div>
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {isManager ? "Owners and admins manage members; only owners can make owners or change them." : "Owners and admins manage who is in this workspace."}
        </p>
      </div>

      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-sm">
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Member</th>
              <th scope="col" className="px-2 py-2 font-medium">Role</th>
              <th scope="col" className="hidden px-2 py-2 font-medium sm:table-cell">Joined</th>
              <th scope="col" className="px-4 py-2 text-right font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {members.data.map((member) => {
              const isMe = member.id === myId;
              const label = member.name ?? member.email;
              const canEdit = canManage(myRole, member.role) && !isOnlyOwner(member);
              const roleHint = isOnlyOwner(member) ? "The only owner's role cannot change" : !canEdit ? "You cannot change this role" : undefined;
              return (
                <tr key={member.id}>
                  <td className="max-w-0 px-4 py-3">
                    <p className="truncate font-medium">
                      {label}
                      {isMe && <span className="ml-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">you</span>}
                    </p>
                    {member.name && <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{member.email}</p>}
                  </td>
                  <td className="px-2 py-3">
                    <label htmlFor={`role-${member.id}`} className="sr-only">
                      Role of {label}
                    </label>
                    <select
                      id={`role-${member.id}`}
                      value={member.role}
                      disabled={!canEdit || changeRole.isPending}
                      title={roleHint}
                      onChange={(event) => onRoleChange(member, event.target.value as TWorkspaceRole)}
                      className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-70 dark:border-zinc-700 dark:bg-zinc-900"
                    >
                      {workspaceRoles.map((role) => (
                        <option key={role} value={role} disabled={role === "OWNER" && myRole !== "OWNER"} title={roleDescriptions[role]}>
                          {role.charAt(0) + role.slice(1).toLowerCase()}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="hidden px-2 py-3 text-xs text-zinc-500 sm:table-cell dark:text-zinc-400">{formatRelativeTime(new Date(member.joinedAt))}</td>
                  <td className="px-4 py-3 text-right">
                    {!isMe && canManage(myRole, member.role) && (
                      <Button variant="ghost" className="px-2 py-1 text-xs text-red-700 dark:text-red-400" aria-label={`Remove ${label}`} onClick={() => setPending({ kind: "remove", member })}>
                        Remove
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {/* Personal workspaces are not shared and their owner cannot leave (server/workspaces/invitations.ts, members.ts). */}
      {workspace.isPersonal ? isPersonalOwner && <CreateTeamWorkspace /> : isManager && <InvitationsSettings workspace={workspace} />}
      {!isPersonalOwner && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl border border-zinc-200 p-4 text-sm dark:border-zinc-800">
          <p className="min-w-0 flex-1 text-zinc-600 dark:text-zinc-400">
            {isOnlyOwner({ role: myRole })
              ? "You are the only owner. Make another member an owner before you can leave."
              : "Leave this workspace. You will need a new invitation to come back."}
          </p>
          <Button variant="secondary" disabled={isOnlyOwner({ role: myRole })} onClick={() => setPending({ kind: "leave" })}>
            Leave workspace
          </Button>
        </div>
      )}

      {pending?.kind === "remove" && (
        <ConfirmDialog
          title={`Remove ${pending.member.name ?? pending.member.email}?`}
          confirmLabel="Remove"
          isPending={remove.isPending}
          onCancel={() => setPending(null)}
          onConfirm={() => remove.mutate({ workspaceId, userId: pending.member.id })}
        >
          They lose access to {workspace.name} and its projects at once. Their projects stay in the workspace.
        </ConfirmDialog>
      )}
      {pending?.kind === "leave" && (
        <ConfirmDialog title={`Leave ${workspace.name}?`} confirmLabel="Leave" isPending={leave.isPending} onCancel={() => setPending(null)} onConfirm={() => leave.mutate({ workspaceId })}>
          You lose access to its projects. Someone who manages it will have to invite you again.
        </ConfirmDialog>
      )}
      {pending?.kind === "demote-self" && (
        <ConfirmDialog
          title={`Make yourself ${pending.role.toLowerCase()}?`}
          confirmLabel="Change my role"
          isPending={changeRole.isPending}
          onCancel={() => setPending(null)}
          onConfirm={() => changeRole.mutate({ workspaceId, userId: myId, role: pending.role })}
        >
          You may not be able to undo this yourself: {roleDescriptions[pending.role]}.
        </ConfirmDialog>
      )}
    </section>
  );
}
