import { describe, expect, it } from 'vitest';
import { dbConfigFromEnv } from './config.ts';

const PRIMARY = 'postgres://u@primary:5432/db';
const REPLICA = 'postgres://u@replica:5432/db';

describe('DATABASE_READ_URL', () => {
  it('adds a read replica beside a PostgreSQL primary, 5 s of lag allowed unless told otherwise', () => {
    expect(dbConfigFromEnv({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: REPLICA })).toEqual({ engine: 'postgres', url: PRIMARY, replica: { url: REPLICA, maxLagSeconds: 5 } });
    expect(dbConfigFromEnv({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: REPLICA, XIEZUO_READ_MAX_LAG_SECONDS: '0.5' })).toMatchObject({ replica: { maxLagSeconds: 0.5 } });
    expect(dbConfigFromEnv({ DATABASE_URL: PRIMARY })).not.toHaveProperty('replica');
  });

  it('is refused when the primary is the embedded PGlite', () => {
    expect(() => dbConfigFromEnv({ DATABASE_READ_URL: REPLICA })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining('只能与 PostgreSQL 主库一起使用'), issues: [expect.objectContaining({ path: 'DATABASE_READ_URL' })] }),
    );
  });

  it.each([
    ['not a url', '格式不正确'],
    ['mysql://u@h/db', '协议必须是'],
    ['postgres://u@h', '缺少主机名或数据库名'],
  ])('is checked like DATABASE_URL and named in the message: %s', (url, fragment) => {
    expect(() => dbConfigFromEnv({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: url })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: expect.stringMatching(new RegExp(`^DATABASE_READ_URL.*${fragment}`)) }),
    );
  });

  it.each(['0', '-1', 'abc', '9999'])('refuses XIEZUO_READ_MAX_LAG_SECONDS=%s', (value) => {
    expect(() => dbConfigFromEnv({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: REPLICA, XIEZUO_READ_MAX_LAG_SECONDS: value })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining('XIEZUO_READ_MAX_LAG_SECONDS') }),
    );
  });
});
