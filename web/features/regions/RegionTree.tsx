import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Tree, Typography } from 'antd';
import type { GetRef, TreeDataNode } from 'antd';
import type { Region } from '../../../src/modules/regions/regions.contract.ts';
import { fetchRegionChildren } from './regions.api.ts';
import { useErrorReporter } from '../../ui/errors.tsx';

const ROOT = '';

interface Props {
  selectedCode: string | null;
  onSelect: (region: Region) => void;
  /** When set, the tree loads and expands the ancestors of this region and scrolls it into view. */
  focus: Region | null;
}

/** Provinces → prefectures → counties → townships → villages, each level fetched when first opened. */
export function RegionTree({ selectedCode, onSelect, focus }: Props) {
  const report = useErrorReporter();
  const [childrenOf, setChildrenOf] = useState<Record<string, Region[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const load = useCallback(
    async (parent: string) => {
      try {
        const items = await fetchRegionChildren(parent === ROOT ? null : parent);
        setChildrenOf((prev) => ({ ...prev, [parent]: items }));
        return items;
      } catch (err) {
        report(err);
        return [];
      }
    },
    [report],
  );

  useEffect(() => {
    void load(ROOT);
  }, [load]);

  useEffect(() => {
    if (!focus) return;
    let cancelled = false;
    (async () => {
      const ancestors = focus.path.slice(0, -1).map((p) => p.code);
      for (const code of ancestors) {
        if (cancelled) return;
        if (!childrenOf[code]) await load(code);
      }
      if (cancelled) return;
      setExpanded((prev) => [...new Set([...prev, ...ancestors])]);
      // The tree is virtual: once the expanded rows are rendered, bring the focused one into view.
      window.setTimeout(() => treeRef.current?.scrollTo({ key: focus.code, align: 'top', offset: 48 }), 50);
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the focus changes
  }, [focus]);

  const byCode = useMemo(() => {
    const map = new Map<string, Region>();
    for (const list of Object.values(childrenOf)) for (const r of list) map.set(r.code, r);
    return map;
  }, [childrenOf]);

  const treeData = useMemo(() => {
    const build = (parent: string): TreeDataNode[] | undefined =>
      childrenOf[parent]?.map((r) => ({
        key: r.code,
        isLeaf: r.level >= 5 || r.childCount === 0,
        title: (
          <span data-testid={`region-node-${r.code}`}>
            {r.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.code}
            </Typography.Text>
          </span>
        ),
        children: build(r.code),
      }));
    return build(ROOT) ?? [];
  }, [childrenOf]);

  return (
    <Tree
      ref={treeRef}
      data-testid="region-tree"
      treeData={treeData}
      height={640}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={(keys) => {
        const region = byCode.get(String(keys[0] ?? ''));
        if (region) onSelect(region);
      }}
      loadData={async (node) => {
        const code = String(node.key);
        if (!childrenOf[code]) await load(code);
      }}
    />
  );
}
