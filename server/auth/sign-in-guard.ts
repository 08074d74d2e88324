// Slows password guessing without letting anyone lock the owner out of their account.
//
// - Each (account, address) pair gets a few attempts per window; a correct password clears it.
// - Each address gets a larger budget across all accounts (one machine spraying many accounts).
// - Each account counts failures from every address. Over its limit the account is "under
//   attack": pairs that have already failed are refused, but a pair with a clean record (the
//   owner at their usual address, or anywhere new) still gets to try its password. An attacker
//   thus gets at most one guess per address per window, and the owner still signs in.
//
// Counters live in the shared database (server/rate-limit), so every instance sees them.
import type { Db } from "../db";
import { createLimiter, tooManyRequests, type LimitRule } from "../rate-limit/limiter";
import type { AppError } from "../errors";

export const signInRules = {
  pair: { name: "signin-pair", points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { name: "signin-address", points: 50, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  account: { name: "signin-account", points: 10, durationSeconds: 15 * 60 },
} satisfies Record<string, LimitRule>;

export type SignInAttempt = { email: string; address: string };

const pairKey = ({ email, address }: SignInAttempt) => `${email.toLowerCase()}|${address}`;
const accountKey = ({ email }: SignInAttempt) => email.toLowerCase();

function limiters(db: Db) {
  return {
    pair: createLimiter(db, signInRules.pair),
    address: createLimiter(db, signInRules.address),
    account: createLimiter(db, signInRules.account),
  };
}

/**
 * Admits an attempt (and counts it against its pair and address) or returns the 429 to answer.
 * Call before checking the password; report the outcome with `recordSignInResult`.
 */
export async function admitSignInAttempt(db: Db, attempt: SignInAttempt): Promise<AppError | null> {
  const { pair, address, account } = limiters(db);
  const [pairState, addressState, accountState] = await Promise.all([
    pair.peek(pairKey(attempt)),
    address.peek(attempt.address),
    account.peek(accountKey(attempt)),
  ]);
  if (addressState.isOverLimit || addressState.remaining === 0) return tooManyRequests(addressState.retryAfterSeconds, "sign-in attempts");
  if (pairState.isOverLimit || pairState.remaining === 0) return tooManyRequests(pairState.retryAfterSeconds, "sign-in attempts");
  const isAccountUnderAttack = accountState.remaining === 0;
  if (isAccountUnderAttack && pairState.consumed > 0) {
    return tooManyRequests(Math.min(pairState.retryAfterSeconds, accountState.retryAfterSeconds), "sign-in attempts");
  }
  // Counted before the password is checked, so parallel requests cannot all slip past the peek.
  const [pairAfter, addressAfter] = await Promise.all([pair.consume(pairKey(attempt)), address.consume(attempt.address)]);
  if (pairAfter.isOverLimit) return tooManyRequests(pairAfter.retryAfterSeconds, "sign-in attempts");
  if (addressAfter.isOverLimit) return tooManyRequests(addressAfter.retryAfterSeconds, "sign-in attempts");
  return null;
}

/**
 * A correct password clears its pair and gives the address its attempt back (an office behind one
 * address signs in all day); a wrong one counts against the account too.
 */
export async function recordSignInResult(db: Db, attempt: SignInAttempt, isSuccess: boolean): Promise<void> {
  const { pair, address, account } = limiters(db);
  if (isSuccess) await Promise.all([pair.reset(pairKey(attempt)), address.refund(attempt.address)]);
  else await account.consume(accountKey(attempt));
}
