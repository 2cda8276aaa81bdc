import { Tag, Tooltip } from 'antd';
import type { Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { useT } from '../../ui/i18n.tsx';

/** The places an item names as the reader resolved them: the code, every candidate of an ambiguous name, or none found. */
export function PlaceTags({ places }: { places: Draft['facts']['places'] }) {
  const t = useT();
  return (
    <>
      {places.map((p) => {
        const [only] = p.candidates;
        if (p.candidates.length === 1) {
          return (
            <Tooltip key={p.name} title={only.name}>
              <Tag color="green" data-testid="place-resolved">
                {p.name} {only.code}
              </Tag>
            </Tooltip>
          );
        }
        return (
          <Tooltip key={p.name} title={p.candidates.length ? p.candidates.map((c) => `${c.name} ${c.code}`).join('；') : t('bulletin.placeUnknown')}>
            <Tag color={p.candidates.length ? 'orange' : 'default'} data-testid={p.candidates.length ? 'place-ambiguous' : 'place-unknown'}>
              {p.name} · {p.candidates.length ? t('bulletin.placeAmbiguous', { n: p.candidates.length }) : t('bulletin.placeUnknown')}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}
