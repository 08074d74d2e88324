// Signing out the way next-auth/react's signOut does (fetch a CSRF token, POST /api/auth/signout),
// without shipping that client library in every dashboard page's first-load JavaScript; the
// sign-in pages, which need its signIn, still load it.
export async function signOut({ callbackUrl = "/signin" }: { callbackUrl?: string } = {}) {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  // A full navigation, so no cached page of the signed-out user survives in the router.
  window.location.assign(callbackUrl);
}
