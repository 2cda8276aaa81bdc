import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../platform/db/database.ts';
import { withCopySession, type CopySession } from '../../platform/db/copy.ts';
import { listTables } from './backup.catalog.ts';
import { beginSnapshot, DigestCounter, exportTable } from './backup.export.ts';
import { header, trailer, FORMAT_VERSION, type Manifest, type TableEntry } from './backup.format.ts';
import { productVersion } from './backup.version.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  manifest: Manifest;
}

/** The last migration applied, e.g. "0020". */
export async function migrationLevel(session: CopySession): Promise<string> {
  const [row] = await session.query<{ version: string | null }>('select max(version) as version from schema_migrations');
  return row?.version ?? '0000';
}

/**
 * Writes a backup of every table of the public schema to `file`, from one snapshot. The file
 * appears only complete: it is written as FILE.partial, fsynced, then renamed.
 */
export async function backupToFile(database: Database, file: string): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const fh = await fsp.open(partial, 'w');
  let position = 0;
  const write = async (b: Uint8Array) => {
    await fh.write(b);
    position += b.length;
  };
  try {
    const manifest = await withCopySession(database.db, async (session) => {
      await beginSnapshot(session);
      const migration = await migrationLevel(session);
      const tables: TableEntry[] = [];
      await write(header());
      for (const t of await listTables(session)) {
        const offset = position;
        const counter = new DigestCounter();
        const counted = async function* () {
          for await (const chunk of exportTable(session, t)) {
            counter.add(chunk);
            yield chunk;
          }
        };
        await pipeline(Readable.from(counted()), createGzip({ level: 6 }), async (gz: AsyncIterable<Buffer>) => {
          for await (const chunk of gz) await write(chunk);
        });
        tables.push({ name: t.name, columns: t.columns, ...counter.digest(), offset, length: position - offset });
      }
      await session.query('commit');
      return {
        format: FORMAT_VERSION,
        product: 'xiezuo',
        productVersion: productVersion(),
        migration,
        createdAt: new Date().toISOString(),
        engine: database.engine,
        tables,
      } satisfies Manifest;
    });
    const json = Buffer.from(JSON.stringify(manifest), 'utf8');
    const manifestOffset = position;
    await write(json);
    await write(trailer(manifestOffset, json.length, createHash('sha256').update(json).digest()));
    await fh.sync();
    await fh.close();
    await fsp.rename(partial, target);
    await syncDir(path.dirname(target));
    return { file: target, bytes: position, ms: Date.now() - started, manifest };
  } catch (err) {
    await fh.close().catch(() => {});
    await fsp.rm(partial, { force: true });
    throw err;
  }
}

/** The rename is durable only once the folder's entry is on disk. */
async function syncDir(dir: string) {
  const handle = await fsp.open(dir, fs.constants.O_RDONLY).catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {}); // some file systems refuse fsync on a folder: the rename stands regardless
  await handle.close();
}
