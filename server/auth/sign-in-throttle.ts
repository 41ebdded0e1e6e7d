/**
 * How fast wrong passwords may be tried at POST /api/login. Throttling, not
 * locking (OWASP's advice): past a few free failures each further one makes
 * the next attempt wait, the wait doubling up to a cap of minutes, and a
 * quarter of an hour without failures forgets them. Three counts, each
 * answering a different attacker:
 *
 * - one account from one address (`accountFromAddress`): guessing one user's
 *   password. It slows only whoever is guessing: the real user elsewhere is
 *   not affected, and their own successful sign-in clears it.
 * - all accounts from one address (`address`): one password tried on many
 *   accounts (spraying), which the first count never sees.
 * - one account from anywhere (`account`): guessing from many addresses. It
 *   is looser and its wait is short, because it could otherwise be used to
 *   keep the real user out; and it does not apply to addresses the account
 *   has signed in from since the server started, so that an attack spread
 *   over many addresses cannot hold the user out at their usual address.
 *
 * An attempt counts as a failure from the moment it is let through, before
 * its password is checked: otherwise fifty attempts sent at once would all
 * pass while the first was still being hashed. A success proves the
 * password, so it clears that account's counts and takes its own attempt back
 * off the address's count; it does not clear the address's count, which an
 * attacker with an account of their own could otherwise reset between
 * guesses. Attempts refused while waiting are not counted and check no
 * password (no hashing work either).
 *
 * State is in memory: a restart forgets it, as it forgets nothing that
 * matters (the counts protect the next minutes, not history). Each table
 * holds at most `maxEntries` keys; past that the longest-quiet entries go
 * first, so only an attack from more addresses than that can push its own
 * counts out, and memory stays bounded whatever is sent.
 *
 * Hand-written because it is small and must take an injected clock (so tests
 * never sleep), and no dependency can be added here; rate-limiter-flexible,
 * the well-kept library for this scheme, reads Date.now() itself.
 */

export interface BackoffRule {
  /** Failures allowed before any waiting. */
  free: number;
  /** The wait after the first failure past `free`; each further one doubles it… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
}

export interface SignInLimits {
  accountFromAddress: BackoffRule;
  address: BackoffRule;
  account: BackoffRule;
  /** Failures are forgotten this long after the last one (longer than any wait). */
  forgetAfterMs: number;
  /** Keys kept per count, at most. */
  maxEntries: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  accountFromAddress: { free: 5, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
  address: { free: 20, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
  account: { free: 30, firstDelayMs: 1_000, maxDelayMs: 60_000 },
  forgetAfterMs: 15 * 60_000,
  maxEntries: 10_000,
};

/** The addresses remembered per account for the `account` exemption: a few devices or networks. */
const KNOWN_ADDRESSES_PER_ACCOUNT = 8;

export type SignInCheck =
  | { allowed: true }
  | {
      allowed: false;
      retryAfterSeconds: number;
      /** The first refusal since this wait began: worth a log line (the rest of the wait is not). */
      firstRefusal: boolean;
    };

interface Failures {
  count: number;
  last: number;
  blockedUntil: number;
  /** The wait before the latest failure, restored if that failure is taken back. */
  blockedBefore: number;
  refusalLogged: boolean;
}

/** One count: failures by key, oldest-quiet first (Map order, kept by re-inserting on each failure). */
class FailureCount {
  private readonly entries = new Map<string, Failures>();

  constructor(
    private readonly rule: BackoffRule,
    private readonly limits: SignInLimits,
  ) {}

  /** The entry still blocking `key` at `now`, if any. */
  blocking(key: string, now: number): Failures | undefined {
    const entry = this.live(key, now);
    return entry && entry.blockedUntil > now ? entry : undefined;
  }

  fail(key: string, now: number): void {
    const entry = this.live(key, now) ?? { count: 0, last: now, blockedUntil: 0, blockedBefore: 0, refusalLogged: false };
    entry.count += 1;
    entry.blockedBefore = entry.blockedUntil;
    entry.last = now;
    const over = entry.count - this.rule.free;
    if (over > 0) {
      entry.blockedUntil = now + Math.min(this.rule.maxDelayMs, this.rule.firstDelayMs * 2 ** Math.min(over - 1, 30));
      entry.refusalLogged = false;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.prune(now);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  /** Takes the latest failure back (an attempt that turned out right), and the wait it started with it. */
  refund(key: string, now: number): void {
    const entry = this.live(key, now);
    if (!entry) return;
    entry.count -= 1;
    entry.blockedUntil = entry.blockedBefore;
    if (entry.count <= 0) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string, now: number): Failures | undefined {
    const entry = this.entries.get(key);
    if (entry && this.expired(entry, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private expired(entry: Failures, now: number): boolean {
    return now - entry.last >= this.limits.forgetAfterMs && now >= entry.blockedUntil;
  }

  /** Drops forgotten entries from the quiet end, then the quietest while over the limit. */
  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && !this.expired(entry, now)) break;
      this.entries.delete(key);
    }
  }
}

export class SignInThrottle {
  private readonly accountFromAddress: FailureCount;
  private readonly address: FailureCount;
  private readonly account: FailureCount;
  /** Per account, the addresses it signed in from (most recent last). Only a correct password adds one. */
  private readonly known = new Map<string, string[]>();

  constructor(
    limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.accountFromAddress = new FailureCount(limits.accountFromAddress, limits);
    this.address = new FailureCount(limits.address, limits);
    this.account = new FailureCount(limits.account, limits);
  }

  /**
   * May someone try a password for `account` (the id of the account the name
   * names; null when it names none) from `address` now? When they may, the
   * attempt is counted as a failure at once; call `succeeded` if the password
   * was right.
   *
   * Keyed by the account, not the name sent: invented names never make keys
   * of their own in the per-account count, so sending thousands of them
   * cannot push a real account's count out of it. Attempts at no account
   * count per address only: spraying invented names is the address count's job.
   */
  attempt(accountId: string | null, address: string): SignInCheck {
    const now = this.now();
    const account = accountId ?? '';
    // No account, or one that signed in from here before: the per-account count does not apply.
    const exempt = accountId === null || this.isKnown(account, address);
    const blocking = [
      accountId === null ? undefined : this.accountFromAddress.blocking(`${account} ${address}`, now),
      this.address.blocking(address, now),
      exempt ? undefined : this.account.blocking(account, now),
    ].filter((entry): entry is Failures => entry !== undefined);
    if (blocking.length > 0) {
      const until = Math.max(...blocking.map((entry) => entry.blockedUntil));
      const firstRefusal = blocking.some((entry) => !entry.refusalLogged);
      for (const entry of blocking) entry.refusalLogged = true;
      return { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000), firstRefusal };
    }
    if (accountId !== null) this.accountFromAddress.fail(`${account} ${address}`, now);
    this.address.fail(address, now);
    if (!exempt) this.account.fail(account, now);
    return { allowed: true };
  }

  /** The attempt let through for `accountId` from `address` had the right password: its counts are cleared and the address is remembered for it. */
  succeeded(accountId: string, address: string): void {
    const account = accountId;
    this.accountFromAddress.clear(`${account} ${address}`);
    this.account.clear(account);
    this.address.refund(address, this.now());
    const addresses = (this.known.get(account) ?? []).filter((known) => known !== address);
    addresses.push(address);
    this.known.set(account, addresses.slice(-KNOWN_ADDRESSES_PER_ACCOUNT));
  }

  /** How many keys each count holds (to show that memory stays bounded). */
  sizes(): { accountFromAddress: number; address: number; account: number } {
    return { accountFromAddress: this.accountFromAddress.size, address: this.address.size, account: this.account.size };
  }

  private isKnown(account: string, address: string): boolean {
    return this.known.get(account)?.includes(address) ?? false;
  }
}
