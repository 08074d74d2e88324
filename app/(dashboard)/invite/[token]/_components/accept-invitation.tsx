"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "~/lib/sign-out";
import type { ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { formatRelativeTime } from "~/lib/format";
import { useUiStore } from "~/lib/stores/ui-store";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";

const roleLabel = (role: string) => role.toLowerCase();

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const setActiveWorkspaceId = useUiStore((state) => state.setActiveWorkspaceId);
  const invitation = useQuery(trpc.workspace.invitation.queryOptions({ token }));

  async function openWorkspace(workspaceId: string) {
    // The switcher falls back to the first workspace it knows, so it must know this one before it becomes active.
    await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey(), refetchType: "all" });
    setActiveWorkspaceId(workspaceId);
    router.push("/projects");
  }

  const accept = useMutation(
    trpc.workspace.acceptInvitation.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.isNewMember ? `You joined ${result.workspace.name} as ${roleLabel(result.role)}` : `You are already in ${result.workspace.name}`);
        await openWorkspace(result.workspace.id);
      },
      onError: (error) => toast.error(describeError(error)),
    }),
  );

  if (invitation.isPending) {
    return <div className="mx-auto h-48 max-w-lg animate-pulse rounded-xl bg-zinc-200/60 dark:bg-zinc-800/60" aria-label="Loading the invitation" />;
  }
  if (invitation.isError) {
    return (
      <Panel title="This invitation cannot be used">
        <p role="alert">{describeError(invitation.error)}</p>
        <BackToProjects />
      </Panel>
    );
  }

  const { workspace, role, email, invitedBy, expiresAt, status, signedInAs, isEmailMatch, memberRole } = invitation.data;
  const inviter = invitedBy ? (invitedBy.name ?? invitedBy.email) : "a former member";
  const title = `Join ${workspace.name} as ${roleLabel(role)}`;

  if (memberRole) {
    return (
      <Panel title={`You are already in ${workspace.name}`}>
        <p>You are a {roleLabel(memberRole)} there.</p>
        <Button onClick={() => void openWorkspace(workspace.id)}>Open {workspace.name}</Button>
      </Panel>
    );
  }
  if (!isEmailMatch) {
    return (
      <Panel title={title}>
        <p role="alert">
          This invitation is for <strong>{email}</strong>, but you are signed in as <strong>{signedInAs}</strong>. Sign in with the invited
          email to accept it.
        </p>
        <Button
          variant="secondary"
          onClick={() => {
            setActiveWorkspaceId(null);
            // Back to this invitation after signing in with the right account.
            void signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}` });
          }}
        >
          Sign out and switch account
        </Button>
      </Panel>
    );
  }
  if (status !== "pending") {
    return (
      <Panel title={status === "expired" ? "This invitation has expired" : "This invitation has already been used"}>
        <p role="alert">
          {status === "expired"
            ? `It expired ${formatRelativeTime(new Date(expiresAt))}. Ask ${inviter} or another admin of ${workspace.name} for a new link.`
            : `Ask ${inviter} or another admin of ${workspace.name} for a new link if you need to join again.`}
        </p>
        <BackToProjects />
      </Panel>
    );
  }
  return (
    <Panel title={title}>
      <p>
        <strong>{inviter}</strong> invited <strong>{email}</strong> to the workspace <strong>{workspace.name}</strong> with the {roleLabel(role)}{" "}
        role. The invitation expires {formatRelativeTime(new Date(expiresAt))}.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => accept.mutate({ token })} isLoading={accept.isPending}>
          Accept and join
        </Button>
        <Link href="/projects" className="inline-flex items-center rounded-lg px-4 py-2 text-sm text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800">
          Not now
        </Link>
      </div>
    </Panel>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby="invitation-title"
      className="mx-auto max-w-lg space-y-4 rounded-xl border border-zinc-200 bg-white p-6 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <h1 id="invitation-title" className="text-xl font-semibold text-zinc-900 dark:text-zinc-100">
        {title}
      </h1>
      {children}
    </section>
  );
}

function BackToProjects() {
  return (
    <Link href="/projects" className="inline-block font-medium text-brand-600 hover:underline dark:text-brand-400">
      Go to your projects
    </Link>
  );
}
