import type { Db } from '../../platform/db/database.ts';
import { systemContext } from '../../platform/context.ts';
import { writeAudit } from '../../platform/audit.ts';
import * as repo from './products.repository.ts';
import { addDays, todayInChina } from './products.workflow.ts';

/**
 * 到期: certified (or delisted) products past their valid-until date become expired, each with its
 * step and audit row. Reads already treat them as expired (effectiveStatus); the sweep records it.
 */
export async function expireDue(db: Db, today = todayInChina()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await repo.dueToExpire(trx, today);
    for (const p of due) {
      const on = addDays(p.valid_until!, 1);
      await repo.update(trx, p.id, { status: 'expired', ended_on: p.status === 'certified' ? p.valid_until : undefined });
      await repo.insertStep(trx, { product_id: p.id, action: 'expire', from_status: p.status, to_status: 'expired', acted_on: on, document_no: null, comment: `有效期至 ${p.valid_until}`, user_id: null, actor_name: systemContext.actor.name });
      await writeAudit(trx, systemContext, { entity: 'product', entityId: p.id, action: 'expire', before: { status: p.status, validUntil: p.valid_until }, after: { status: 'expired' } });
    }
    return due.length;
  });
}

/** Runs the sweep now (the server starts after it) and then every hour while the server runs. */
export async function scheduleExpiry(db: Db, log: (msg: string) => void): Promise<() => void> {
  const run = () => expireDue(db).then((n) => n && log(`产品认定到期：${n} 个`)).catch((e) => log(`产品到期处理失败：${(e as Error).message}`));
  await run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
