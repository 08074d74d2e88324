// The GitHub account the e2e server's fake GitHub signs people in as (see scripts/e2e-server.ts).
export const fakeGitHub = {
  clientId: "e2e-github-client",
  clientSecret: "e2e-github-secret",
  user: { id: 4242, login: "octo-e2e", name: "Octo E2E", email: "octo-e2e@example.test", isEmailPublic: false },
};
