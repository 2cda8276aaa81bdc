import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from './api.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again with the same key (after a change made elsewhere). */
  reload: () => void;
}

/**
 * Runs `fetcher` whenever `key` changes (null = do nothing), aborting the previous call.
 * The last data stays visible while the next page loads, so tables do not flash empty.
 */
export function useApiQuery<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<boolean>(key !== null);
  const [tick, setTick] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetcherRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted || isAbort(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: key === null ? undefined : data, error, loading, reload };
}

export interface MutationState<A extends unknown[], R> {
  run: (...args: A) => Promise<R>;
  loading: boolean;
}

/** Wraps a create/update/delete call with a loading flag; errors are rethrown to the caller's reporter. */
export function useApiMutation<A extends unknown[], R>(call: (...args: A) => Promise<R>): MutationState<A, R> {
  const [pending, setPending] = useState(0);
  const callRef = useRef(call);
  callRef.current = call;
  const run = useCallback(async (...args: A) => {
    setPending((n) => n + 1);
    try {
      return await callRef.current(...args);
    } finally {
      setPending((n) => n - 1);
    }
  }, []);
  return { run, loading: pending > 0 };
}

/** The value, settled for `delay` ms — for search-as-you-type boxes. */
export function useDebounced<T>(value: T, delay = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** A stable cache key for a path and its query. */
export function keyOf(path: string, query?: object): string {
  return query ? `${path}?${JSON.stringify(query)}` : path;
}
