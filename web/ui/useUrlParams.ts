import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ParamPatch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

/**
 * List filters kept in the URL (?q=…&page=2), so a filtered list can be linked to and survives reload.
 * Changing any filter other than the page itself goes back to page 1.
 */
export function useUrlParams<K extends string>(keys: readonly K[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const key of keys) out[key] = searchParams.get(key) ?? undefined;
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keys is a constant list
  }, [searchParams]);

  const update = useCallback(
    (patch: ParamPatch<K>) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch) as [K, string | number | null | undefined][]) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return [values, update] as const;
}

export function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Narrows a URL value to one of the allowed codes, or undefined. */
export function oneOf<C extends string>(value: string | undefined, allowed: readonly C[]): C | undefined {
  return allowed.includes(value as C) ? (value as C) : undefined;
}
