/** Latency and throughput arithmetic for the benchmark. */

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index];
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function format(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** "median [min-max]" of a few runs. */
export function medianRange(values: readonly number[], digits: number): string {
  if (values.length === 0 || values.some(v => !Number.isFinite(v))) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  return `${format(median(sorted), digits)} [${format(sorted[0], digits)}-${format(sorted[sorted.length - 1], digits)}]`;
}
