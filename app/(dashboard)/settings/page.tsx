import type { Metadata } from "next";
import { WorkspaceSettings } from "./_components/workspace-settings";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return <WorkspaceSettings />;
}
