import { z } from 'zod';
import { backupHealth } from '../backup/backup.contract.ts';

export const health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  demo: z.boolean(),
  regions: z.number().int(),
  version: z.string(),
  backup: backupHealth,
});
export type Health = z.infer<typeof health>;
