import { z } from 'zod';

export const health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  demo: z.boolean(),
  regions: z.number().int(),
  version: z.string(),
});
export type Health = z.infer<typeof health>;
