import type { Metadata } from "next";
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
    </div>
  );
}
