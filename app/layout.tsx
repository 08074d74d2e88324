import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { BrowserErrorReporting } from "~/components/browser-error-reporting";
import { ThemeScript } from "~/components/theme-script";
import { Toaster } from "~/components/toaster";
import { TRPCReactProvider } from "~/lib/trpc/client";
import { env } from "~/server/env";
import { REQUEST_ID_HEADER } from "~/server/http/request-id";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Epic AI Dev", template: "%s · Epic AI Dev" },
  description: "Describe an app. Autonomous agents plan, build, test and ship it — and you watch every step.",
  // Static files in public/: the SVG for browsers that take one, favicon.ico (16–48 px) for the rest.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/favicon.ico", sizes: "16x16 32x32 48x48" }] },
  // Private workspaces: matches public/robots.txt.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

// Every page carries a per-request CSP nonce (proxy.ts), so pages are rendered per request:
// a page prerendered at build time would have scripts without this response's nonce.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  // Browser errors go to the server's Sentry project when SENTRY_DSN is set (read per request).
  const sentry = env.SENTRY_DSN ? { dsn: env.SENTRY_DSN, environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV, release: env.SENTRY_RELEASE ?? process.env.npm_package_version, requestId: requestHeaders.get(REQUEST_ID_HEADER) ?? undefined } : null;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-dvh">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster />
        {sentry && <BrowserErrorReporting config={sentry} />}
      </body>
    </html>
  );
}
