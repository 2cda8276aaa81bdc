/**
 * Counts failures per key (the login route keys it by client address): after `limit` failures
 * within `windowMs`, the key must wait until the oldest of them leaves the window. In memory, per
 * process. There is deliberately no way to clear a key early: a successful login from an address
 * must not wipe the failures other attempts made from it (one account's holder could otherwise
 * keep guessing other accounts' passwords by logging in to their own between guesses). Per-account
 * failures are counted apart, in the database (users.failed_attempts, locked_until).
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 10,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Milliseconds until this key may try again, or 0. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? recent[recent.length - this.limit] + this.windowMs - now : 0;
  }

  fail(key: string, now = Date.now()) {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.delete(key); // re-inserted last: the map's first key is the least recently failed
    this.failures.set(key, recent.slice(-this.limit));
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(key: string, now: number) {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
