import type { Metadata } from "next";
import { AcceptInvitation } from "./_components/accept-invitation";

type PageProps = { params: Promise<{ token: string }> };

export const metadata: Metadata = { title: "Invitation" };

// Signed-out visitors never get here (the dashboard layout sends them to sign in), which is why
// the links people share go through /signin?callbackUrl=… (see server/workspaces/invitations.ts).
export default async function InvitationPage({ params }: PageProps) {
  const { token } = await params;
  return <AcceptInvitation token={token} />;
}
