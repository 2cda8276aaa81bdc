import { z } from 'zod';

/**
 * The single-file backup format:
 *   header   16 bytes  "XZBACKUP", format version (uint32 BE), 4 bytes zero
 *   tables   one gzip stream per table of its COPY text (sorted by primary key, collate "C")
 *   manifest JSON (what follows), at most MAX_MANIFEST_BYTES
 *   trailer  56 bytes  "XZMANIFE", manifest offset (uint64 BE), manifest length (uint32 BE), 4 bytes zero,
 *                      sha256 of the manifest (32 bytes)
 * Written to FILE.partial, fsynced and renamed: a file with its trailer is complete.
 */
export const FORMAT_VERSION = 1;
export const HEADER_MAGIC = Buffer.from('XZBACKUP', 'ascii');
export const TRAILER_MAGIC = Buffer.from('XZMANIFE', 'ascii');
export const HEADER_BYTES = 16;
export const TRAILER_BYTES = 56;
export const MAX_MANIFEST_BYTES = 4 << 20;
export const BACKUP_EXTENSION = '.xzbak';

export function header(): Buffer {
  const b = Buffer.alloc(HEADER_BYTES);
  HEADER_MAGIC.copy(b, 0);
  b.writeUInt32BE(FORMAT_VERSION, 8);
  return b;
}

export function trailer(manifestOffset: number, manifestLength: number, sha256: Buffer): Buffer {
  const b = Buffer.alloc(TRAILER_BYTES);
  TRAILER_MAGIC.copy(b, 0);
  b.writeBigUInt64BE(BigInt(manifestOffset), 8);
  b.writeUInt32BE(manifestLength, 16);
  sha256.copy(b, 24);
  return b;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const tableEntry = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: count,
  /** Length of the COPY text, uncompressed: the bound a restore unpacks to. */
  bytes: count,
  sha256: hex64,
  /** Where its gzip stream lies in the file. */
  offset: count,
  length: count,
});
export type TableEntry = z.infer<typeof tableEntry>;

export const manifest = z.object({
  format: z.literal(FORMAT_VERSION),
  product: z.literal('xiezuo'),
  productVersion: z.string(),
  /** The last migration applied to the source (e.g. "0020"): a restore refuses a level newer than its code. */
  migration: z.string().regex(/^\d{4}$/),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  tables: z.array(tableEntry),
});
export type Manifest = z.infer<typeof manifest>;
