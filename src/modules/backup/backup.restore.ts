import type { Database } from '../../platform/db/database.ts';
import { withCopySession } from '../../platform/db/copy.ts';
import { listTables, REFERENCE_TABLES } from './backup.catalog.ts';
import { beginSnapshot, digestTable, exportTable, type Digest } from './backup.export.ts';
import { loadInto, type LoadResult, type LoadSource } from './backup.loader.ts';
import { openBackup, verifyBackup, type BackupFile } from './backup.reader.ts';
import { migrationLevel } from './backup.writer.ts';

/** Opens a backup and unpacks every table once against its manifest: a bad file is refused before any database is touched. */
export async function readVerifiedBackup(file: string): Promise<BackupFile> {
  const backup = await openBackup(file);
  await verifyBackup(backup);
  return backup;
}

/** A backup file as the loader's source: each table unpacked again (bounded, checked) as it loads. */
export function sourceOf(backup: BackupFile): LoadSource {
  return {
    migration: backup.manifest.migration,
    tables: backup.manifest.tables.map((t) => ({
      name: t.name,
      columns: t.columns,
      expected: { rows: t.rows, bytes: t.bytes, sha256: t.sha256 },
      data: () => backup.readTable(t),
    })),
  };
}

export async function restoreBackup(target: Database, backup: BackupFile): Promise<LoadResult> {
  return loadInto(target, sourceOf(backup));
}

/**
 * Copies one database into another (the embedded one into PostgreSQL): the source read from one
 * snapshot and streamed table by table into the loader, which checks the target against what it read.
 */
export async function copyDatabase(source: Database, target: Database): Promise<LoadResult> {
  return withCopySession(source.db, async (session) => {
    await beginSnapshot(session);
    const migration = await migrationLevel(session);
    const tables = await listTables(session);
    const expected = new Map<string, Digest>();
    for (const t of tables) if (REFERENCE_TABLES.includes(t.name)) expected.set(t.name, await digestTable(session, t)); // lets the loader keep equal reference tables
    const result = await loadInto(target, {
      migration,
      tables: tables.map((t) => ({ name: t.name, columns: t.columns, expected: expected.get(t.name), data: () => exportTable(session, t) })),
    });
    await session.query('commit');
    return result;
  });
}
