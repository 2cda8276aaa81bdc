import type { OrgGraph } from '../../../src/modules/pairings/pairings.contract.ts';
import type { Translate } from '../../ui/i18n.tsx';
import type { ChartOption } from '../../ui/charts.tsx';
import { pairingTypeLabel } from '../../ui/enums.ts';

const CATEGORY = { self: 0, unit: 1, counterpart: 2 } as const;

/** A force-directed graph: the org, its sub-units (dashed lines to their parent) and their counterparts (solid lines, labelled by pairing type). */
export function orgGraphOption(graph: OrgGraph, t: Translate): ChartOption {
  const nodes = new Map<number, { id: string; name: string; category: number; symbolSize: number }>();
  const add = (id: number, name: string, category: number, symbolSize: number) => {
    if (!nodes.has(id)) nodes.set(id, { id: String(id), name, category, symbolSize });
  };
  add(graph.org.id, graph.org.name, CATEGORY.self, 54);
  for (const u of graph.units) add(u.id, u.name, CATEGORY.unit, Math.max(22, 38 - u.depth * 6));
  for (const c of graph.counterparts) add(c.orgId, c.name, CATEGORY.counterpart, 32);
  for (const p of graph.pairings) {
    add(p.eastOrg.id, p.eastOrg.name, CATEGORY.counterpart, 32);
    add(p.westOrg.id, p.westOrg.name, CATEGORY.counterpart, 32);
  }

  const unitIds = new Set(graph.units.map((u) => u.id));
  const hierarchy = graph.units
    .filter((u) => u.parentId !== null && (unitIds.has(u.parentId) || u.parentId === graph.org.id) && u.id !== graph.org.id)
    .map((u) => ({ source: String(u.parentId), target: String(u.id), lineStyle: { type: 'dashed', color: '#aaa' }, label: { show: false }, tip: t('orgGraph.subUnit') }));
  const pairingEdges = graph.pairings.map((p) => ({
    source: String(p.eastOrg.id),
    target: String(p.westOrg.id),
    label: { show: false, formatter: pairingTypeLabel(t, p.type), fontSize: 11 },
    emphasis: { label: { show: true } },
    lineStyle: { width: 2, type: p.status === 'active' ? 'solid' : 'dotted' },
    tip: `${pairingTypeLabel(t, p.type)} · ${p.startDate} — ${p.endDate ?? t('pairing.open')}`,
  }));

  return {
    tooltip: {
      formatter: (params: { dataType: string; data: { name?: string; tip?: string } }) => (params.dataType === 'edge' ? (params.data.tip ?? '') : (params.data.name ?? '')),
    },
    legend: [{ data: [t('orgGraph.self'), t('orgGraph.units'), t('orgGraph.counterparts')], top: 0 }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        top: 48,
        bottom: 24,
        emphasis: { focus: 'adjacency' },
        force: { repulsion: 420, edgeLength: [100, 200], gravity: 0.06 },
        categories: [{ name: t('orgGraph.self') }, { name: t('orgGraph.units') }, { name: t('orgGraph.counterparts') }],
        label: { show: true, position: 'bottom', fontSize: 12, width: 120, overflow: 'truncate' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        data: [...nodes.values()],
        links: [...hierarchy, ...pairingEdges],
      },
    ],
  };
}
