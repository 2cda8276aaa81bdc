import pg from 'pg';

/**
 * A pg Pool whose connections never crash the process when the server goes away: pg emits a dropped
 * connection as an 'error' event on the pool (idle) or on the client (checked out, where pg-pool keeps
 * no listener), and an unheard 'error' event is an uncaught exception. The query in flight is
 * rejected anyway and the next one reconnects, so the events themselves can be dropped.
 */
export function resilientPool(config: pg.PoolConfig, onIdleError: () => void = () => {}): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', onIdleError);
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
