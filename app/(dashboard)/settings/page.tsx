import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensSettings } from "./_components/api-tokens-settings";
import { MembersSettings } from "./_components/members-settings";
import { WorkspaceSettings } from "./_components/workspace-settings";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <div className="space-y-10">
      <WorkspaceSettings />
      <div className="max-w-4xl rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 className="text-lg font-semibold">Integrations</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          GitHub, Vercel, Cloudflare and AWS connections for pushing and deploying apps.{" "}
          <Link href="/settings/integrations" className="text-brand-600 underline underline-offset-2 dark:text-brand-400">
            Manage integrations →
          </Link>
        </p>
      </div>
      <div className="max-w-4xl">
        <MembersSettings />
      </div>
      <div className="max-w-4xl">
        <ApiTokensSettings />
      </div>
    </div>
  );
}
