"use client";

import { signOut } from "~/lib/sign-out";
import { Button } from "~/components/ui/button";
import { useUiStore } from "~/lib/stores/ui-store";

export function UserMenu({ email }: { email: string }) {
  const setActiveWorkspaceId = useUiStore((state) => state.setActiveWorkspaceId);
  return (
    <div className="flex items-center gap-2">
      <span className="hidden max-w-[14rem] truncate text-sm text-zinc-600 md:inline dark:text-zinc-400" data-testid="user-email">
        {email}
      </span>
      <Button
        variant="ghost"
        className="px-2 py-1.5"
        onClick={() => {
          // The next person on this browser must not land in this user's workspace.
          setActiveWorkspaceId(null);
          void signOut({ callbackUrl: "/signin" });
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
