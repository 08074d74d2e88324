import type { Metadata } from "next";
import { ApiTokensSettings } from "./_components/api-tokens-settings";
import { MembersSettings } from "./_components/members-settings";
import { WorkspaceSettings } from "./_components/workspace-settings";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <div className="space-y-10">
      <WorkspaceSettings />
      <div className="max-w-4xl">
        <MembersSettings />
      </div>
      <div className="max-w-4xl">
        <ApiTokensSettings />
      </div>
    </div>
  );
}
