import { Typography } from 'antd';
import type { BulletinDetail, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { factTexts } from './draftFacts.ts';
import { highlightFacts } from './highlightFacts.ts';

/** The item's own words from the document (its span), with each amount and count that was read marked. */
export function DraftSource({ text, draft }: { text: BulletinDetail['text']; draft: Draft }) {
  const source = text.slice(draft.span[0], draft.span[1]);
  return (
    <Typography.Paragraph data-testid="draft-source" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, marginBottom: 0 }}>
      {highlightFacts(source, factTexts(draft)).map((s, i) =>
        s.fact ? (
          <mark key={i} data-testid="fact-mark">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}
