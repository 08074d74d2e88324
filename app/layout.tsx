import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ThemeScript } from "~/components/theme-script";
import { Toaster } from "~/components/toaster";
import { TRPCReactProvider } from "~/lib/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Epic AI Dev", template: "%s · Epic AI Dev" },
  description: "Describe an app. Autonomous agents plan, build, test and ship it — and you watch every step.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-dvh">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster />
      </body>
    </html>
  );
}
