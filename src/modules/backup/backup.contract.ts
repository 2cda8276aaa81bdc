import { z } from 'zod';

export const backupItem = z.object({
  file: z.string(),
  bytes: z.number().int(),
  time: z.string(),
});

export const backupList = z.object({
  enabled: z.boolean(),
  running: z.boolean(),
  items: z.array(backupItem),
});

/** The health route's view of the scheduled backups. */
export const backupHealth = z.object({
  enabled: z.boolean(),
  lastAt: z.string().nullable(),
  file: z.string().nullable(),
  bytes: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
