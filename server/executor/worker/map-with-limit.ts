/**
 * Maps over items with at most `limit` calls in flight, keeping the order of results. When a call
 * fails, no new one starts, and the first error is thrown only once the calls in flight have
 * settled: the caller (driving a run's parallel steps) must not give the run back while one of its
 * steps is still executing, or the next lease would run that step a second time alongside it.
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}
