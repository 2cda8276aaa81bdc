import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createActivity } from '../activities/activities.service.ts';
import { createDonation } from '../donations/donations.service.ts';
import { createTraining } from '../training/training.service.ts';

/**
 * Activities, donations and trainings the 香格里拉 2020 and 果洛 2024 bulletins report (dates,
 * people, amounts as stated there), plus plausible earlier trainings so year-over-year figures exist.
 */
export async function loadDemoActivities(db: Db, ctx: RequestContext, org: (name: string) => number, pairing: (east: string, west: string) => number) {
  const justicePairing = pairing('闵行区司法局', '香格里拉市司法局');
  const districtPairing = pairing('上海市闵行区人民政府', '香格里拉市人民政府');
  const demo = { isDemo: true };

  const donations = [];
  for (const [donor, purpose] of [['锦天城律师事务所', '香格里拉市红十字会帮困助学项目'], ['尊源恒律师事务所', '洛吉乡尼汝村党建和村民活动中心建设项目'], ['融力天闻律师事务所', '三坝乡安南村乡村功能提升项目']]) {
    const d = await createDonation(db, ctx, { donorName: donor, recipientRegion: '533401', kind: 'cash', valueFen: 100_000_00, purpose, donatedOn: '2020-08-21', pairingId: justicePairing, items: [] }, demo);
    donations.push(d.id);
  }
  await createActivity(db, ctx, {
    type: 'visit', title: '闵行区司法局赴云南香格里拉市司法局开展结对帮扶工作', startDate: '2020-08-19', endDate: '2020-08-23', regionCodes: ['533401'],
    leadOrgId: org('闵行区司法局'), orgIds: [org('香格里拉市司法局')], pairingId: justicePairing, leader: '金海民', delegationSize: 6,
    narrative: '闵行区司法局党委书记、局长金海民带队一行6人赴香格里拉市司法局开展结对帮扶工作；三家律师事务所各出资10万元援助当地项目并举行捐赠仪式。',
    photos: [], links: donations.map((id) => ({ kind: 'donation' as const, id })),
  }, demo);

  const teachers = await createTraining(db, ctx, {
    title: '闵行区侨联组织英语专家为香市教师开展教学技能提升培训', kind: 'training', organiserOrgId: org('闵行区侨联'), placeRegion: '533401', startDate: '2020-08-03', endDate: '2020-08-07',
    targetGroup: 'teachers', batches: 1, participants: 64, personTimes: 64, countyCode: '533401', pairingId: districtPairing,
  }, demo);
  await createActivity(db, ctx, {
    type: 'training', title: '区侨联组织英语专家为香市教师开展教学技能提升培训', startDate: '2020-08-03', endDate: '2020-08-07', regionCodes: ['533401'], leadOrgId: org('闵行区侨联'),
    orgIds: [], pairingId: districtPairing, delegationSize: null, photos: [], links: [{ kind: 'training', id: teachers.id }],
    narrative: '支教活动对象为香格里拉64位中学英语教师。',
  }, demo);
  await createActivity(db, ctx, {
    type: 'visit', title: '2020年“闵香两地手拉手，民族团结一家亲”活动', startDate: '2020-08-13', endDate: '2020-08-19', regionCodes: ['310112'], leadOrgId: org('闵行区教育局'),
    orgIds: [], pairingId: districtPairing, delegationSize: 40, photos: [], links: [], narrative: '香格里拉市40名师生来到上海闵行开展交流学习。',
  }, demo);
  await createActivity(db, ctx, {
    type: 'visit', title: '州政府副秘书长带队赴我市调研沪滇帮扶项目', startDate: '2020-03-20', endDate: '2020-03-20', regionCodes: ['533401204', '533401101204', '533401102201'],
    orgIds: [], pairingId: districtPairing, leader: '邵钧', photos: [], links: [], narrative: '实地查看尼西乡、建塘镇尼史村和小中甸镇联合村的沪滇帮扶项目进展。',
  }, demo);
  await createActivity(db, ctx, {
    type: 'livestream', title: '香格里拉市战疫情 探路径 助力农特产品线上热卖', startDate: '2020-03-25', endDate: '2020-03-28', regionCodes: ['533401'], orgIds: [], pairingId: districtPairing,
    photos: [], links: [], narrative: '闵行区援外干部联合上海交通广播电台直播带货，销售额52.7万元（销售记录见消费帮扶模块）。',
  }, demo);
  // Earlier trainings of the county, so 同比 figures can be computed.
  for (const [year, batches, people] of [[2019, 3, 120], [2020, 4, 150]] as const) {
    await createTraining(db, ctx, {
      title: `${year}年香格里拉市党政干部赴沪培训`, kind: 'training', organiserOrgId: org('闵行区合作交流办'), placeRegion: '310112', startDate: `${year}-10-12`, endDate: `${year}-10-18`,
      targetGroup: 'officials', batches, participants: people, personTimes: people, countyCode: '533401', pairingId: districtPairing,
    }, demo);
  }
  await createTraining(db, ctx, {
    title: '果洛教师赴沪“双向组团”跟岗学习', kind: 'shadowing', organiserOrgId: org('上海市援青干部联络组'), placeRegion: '310109', startDate: '2024-03-01', endDate: '2024-04-30',
    targetGroup: 'teachers', batches: 1, participants: 6, personTimes: 6, countyCode: null,
  }, demo);
}
