import type { Metadata } from "next";
import Link from "next/link";
import { IntegrationsSettings } from "./_components/integrations-settings";

export const metadata: Metadata = { title: "Integrations" };

export default function IntegrationsPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <Link href="/settings" className="text-sm text-brand-600 hover:underline dark:text-brand-400">
        ← Settings
      </Link>
      <IntegrationsSettings />
    </div>
  );
}
