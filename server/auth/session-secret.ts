// The secret that signs session cookies. Outside production it may be unset (a fixed development
// value is used); `npm start` generates one into DATA_DIR/auth-secret (scripts/lib/auth-secret.ts).
const DEVELOPMENT_SESSION_SECRET = "development-only-secret-not-for-production-use";

export function resolveSessionSecret(env: { NEXTAUTH_SECRET?: string }): string {
  return env.NEXTAUTH_SECRET ?? DEVELOPMENT_SESSION_SECRET;
}
