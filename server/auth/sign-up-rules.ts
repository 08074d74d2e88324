import type { LimitRule } from "../rate-limit/limiter";

export const signUpRules = {
  perAddress: { name: "signup-address", points: 30, durationSeconds: 60 * 60 },
} satisfies Record<string, LimitRule>;
