/** How long sessions live and when logins are refused; read from the environment at start. */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** Failed logins from one address within 5 minutes before it must wait (password spraying). */
  addressLimit: number;
}

export function sessionPolicyFromEnv(env = process.env): SessionPolicy {
  const num = (name: string, dflt: number) => (env[name] ? Number(env[name]) : dflt);
  return {
    idleMinutes: num('XIEZUO_SESSION_IDLE_MINUTES', 120),
    absoluteHours: num('XIEZUO_SESSION_ABSOLUTE_HOURS', 12),
    maxFailures: num('XIEZUO_LOGIN_MAX_FAILURES', 5),
    lockMinutes: num('XIEZUO_LOGIN_LOCK_MINUTES', 15),
    addressLimit: num('XIEZUO_LOGIN_ADDRESS_LIMIT', 30),
  };
}
