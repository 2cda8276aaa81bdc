import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createEdition, transition } from '../editions/editions.service.ts';

/**
 * Two editions of 闵行区合作交流办's bulletin composed from the demo activities: August 2020 issued,
 * September 2020 still a draft — what an office's 简报编发 page looks like in use.
 */
export async function loadDemoEditions(db: Db, ctx: RequestContext, publisherOrgId: number) {
  const common = {
    publisherOrgId, title: '沪滇扶贫协作简报', supplement: false, editor: '闵行区合作交流办', withToc: true, compose: true,
    distribution: { bao: ['上海市人民政府合作交流办公室'], song: ['区委办公室', '区政府办公室'], fa: ['各镇（街道）', '区各有关部门'] }, copies: 60,
  };
  const august = await createEdition(db, ctx, { ...common, issuedOn: '2020-09-04', periodFrom: '2020-08-01', periodTo: '2020-08-31' });
  await transition(db, ctx, august.id, 'submit');
  await transition(db, ctx, august.id, 'issue');
  await createEdition(db, ctx, { ...common, issuedOn: '2020-10-09', periodFrom: '2020-09-01', periodTo: '2020-09-30' });
}
