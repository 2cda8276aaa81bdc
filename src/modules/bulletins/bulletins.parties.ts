/**
 * The two sides named in an item, by the shape of their names: organisations (…局, …办, …委, …联络组,
 * …中学, …公司 …) and places (…州, …县, …市, …乡, …镇, …村). The Shanghai side is what names
 * Shanghai or one of its districts; the rest is the recipient side. Heuristic, for review: the
 * importer's review step resolves them against the organisations and the division tree.
 */
const SHANGHAI = /^(?:上海|沪|闵行|长宁|嘉定|宝山|金山|虹口|徐汇|黄浦|静安|普陀|杨浦|浦东|松江|青浦|奉贤|崇明|七宝|梅陇|莘庄|区)/;
const ORG = /[\u4e00-\u9fa5]{2,20}?(?:人民政府|政府|委员会|办公室|联络组|联络小组|工作组|指挥部|办事处|管理局|总公司|有限公司|有限责任公司|公司|集团|中学|小学|学校|医院|卫生院|研究院|总工会|工会|侨联|妇联|团委|党委|组织部|宣传部|统战部|发改委|经委|教育局|司法局|人社局|工信局|商务委|扶贫办|合作交流办|支援办|局|办|委|院|所)/g;
const PLACE = /[\u4e00-\u9fa5]{1,6}?(?:自治州|州|县|市|乡|镇|村)(?![\u4e00-\u9fa5]{0,2}(?:长|委|书记|局|办))/g;
/** Verbs and phrases of a sentence: a name starts after the last one (导赴香格里拉市 → 香格里拉市). */
const SENTENCE_WORDS = /书记|带队|带领|组织|召开|开展|赴|前往|来到|参加|陪同|结对|对口|一行|双方|考察|调研|慰问|我们|今年|目前|同时/g;
/** Words of a sentence, not of a name: a match still holding one is a phrase, not a place or unit. */
const NOT_A_NAME = /书记|带队|带领|组织|召开|开展|赴|前往|来到|参加|陪同|结对|对口|一行|双方|考察|调研|慰问|我们|今年|目前|同时|并|的|了|在|与|和|及|等/;
const lastName = (match: string) => match.split(SENTENCE_WORDS).pop() ?? '';

export function partiesIn(text: string): { shanghai: string[]; recipient: string[] } {
  const shanghai = new Set<string>();
  const recipient = new Set<string>();
  for (const m of text.matchAll(ORG)) {
    const name = lastName(m[0]).replace(/^(?:由|在|与|和|及|赴|到|向|为|对|同|会同|联合|协调|邀请|组织|带领|陪同|参加|我市|我区|我县)+/, '');
    if (name.length < 3 || NOT_A_NAME.test(name)) continue;
    (SHANGHAI.test(name) ? shanghai : recipient).add(name);
  }
  for (const m of text.matchAll(PLACE)) {
    const name = lastName(m[0]).replace(/^(?:由|在|与|和|及|赴|到|向|为|对|同|来到|前往|走访|调研|慰问|援助|支援|我)+/, '');
    if (name.length < 2 || SHANGHAI.test(name) || NOT_A_NAME.test(name)) continue;
    recipient.add(name);
  }
  return { shanghai: [...shanghai].slice(0, 20), recipient: [...recipient].slice(0, 20) };
}
