import { describe, expect, it } from 'vitest';
import { shutdownTimeoutFromEnv } from './serve.ts';

describe('the shutdown timeout', () => {
  it('is 25 s unless XIEZUO_SHUTDOWN_TIMEOUT_MS says otherwise, and refuses what is not a whole number of milliseconds', () => {
    expect(shutdownTimeoutFromEnv({})).toBe(25_000);
    expect(shutdownTimeoutFromEnv({ XIEZUO_SHUTDOWN_TIMEOUT_MS: ' 5000 ' })).toBe(5_000);
    for (const bad of ['-1', '1.5', 'soon']) expect(() => shutdownTimeoutFromEnv({ XIEZUO_SHUTDOWN_TIMEOUT_MS: bad })).toThrow(/XIEZUO_SHUTDOWN_TIMEOUT_MS/);
  });
});
