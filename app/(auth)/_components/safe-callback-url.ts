const fallback = "/projects";

/**
 * A same-site path to go to after signing in, else /projects: an open redirect after sign-in is a
 * phishing tool. Parsing (rather than prefix checks) also catches `/\evil.example`, which browsers
 * read as `//evil.example`.
 */
export function safeCallbackUrl(value: string | string[] | null | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  const base = "http://same-site.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** Whether the visitor is on their way to accept a workspace invitation (see server/workspaces/invitations.ts). */
export const isInvitationPath = (path: string) => path.startsWith("/invite/");

/** `href` with the return path attached, unless it is the default one. */
export function withCallbackUrl(href: string, callbackUrl: string): string {
  return callbackUrl === fallback ? href : `${href}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
