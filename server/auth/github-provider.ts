// GitHub sign-in for github.com or a GitHub Enterprise Server. NextAuth's bundled provider has
// github.com's URLs written into it, including the follow-up call for a private email address;
// this one takes both base URLs, which is also how the e2e suite points it at a fake GitHub.
import type { Profile } from "next-auth";
import GitHubProvider, { type GithubEmail, type GithubProfile } from "next-auth/providers/github";

type GitHubProviderOptions = { clientId: string; clientSecret: string; webUrl: string; apiUrl: string };

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function createGitHubProvider({ clientId, clientSecret, webUrl, apiUrl }: GitHubProviderOptions) {
  const web = trimSlash(webUrl);
  const api = trimSlash(apiUrl);
  return GitHubProvider<GithubProfile>({
    clientId,
    clientSecret,
    issuer: `${web}/login/oauth`,
    authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
    token: `${web}/login/oauth/access_token`,
    userinfo: {
      url: `${api}/user`,
      async request({ tokens }) {
        const headers = { Authorization: `token ${tokens.access_token}`, Accept: "application/vnd.github+json" };
        const profileResponse = await fetch(`${api}/user`, { headers });
        if (!profileResponse.ok) throw new Error(`GitHub /user answered ${profileResponse.status}`);
        const profile = (await profileResponse.json()) as GithubProfile;
        // A user who keeps their email private has none on the profile: ask for the primary one.
        if (!profile.email) {
          const emailsResponse = await fetch(`${api}/user/emails`, { headers });
          if (emailsResponse.ok) {
            const emails = (await emailsResponse.json()) as GithubEmail[];
            profile.email = (emails.find((email) => email.primary && email.verified) ?? emails.find((email) => email.verified))?.email ?? null;
          }
        }
        // NextAuth's Profile has no nulls; the provider's profile() reads id, login and avatar_url from the rest.
        const result: Profile = { ...profile, name: profile.name ?? undefined, email: profile.email ?? undefined };
        return result;
      },
    },
  });
}
